create table if not exists orders (
	id varchar(36) primary key,
	customer_id varchar(64) not null,
	status varchar(16) not null,
	total decimal(12, 2) not null,
	currency char(3) not null,
	payment_transaction_id varchar(64) not null,
	trace_id char(32) not null,
	created_at timestamp not null
);

create table if not exists order_lines (
	order_id varchar(36) not null references orders (id),
	line_number int not null,
	sku varchar(64) not null,
	quantity int not null,
	unit_price decimal(12, 2) not null,
	primary key (order_id, line_number)
);
