create table customers (id bigint primary key, email varchar(255));
insert into customers (id, email) values (1, 'ann@example.com');
