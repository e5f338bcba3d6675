package io.github.oteltracing.sample.order;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders in the embedded database, through Spring's {@link JdbcClient}.
 */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Saves a new order; the span is {@code save-order}.
	 * @param order the order
	 */
	@Traced
	@Transactional
	public void save(Order order) {
		this.jdbc.sql("""
				insert into orders
				  (id, customer_id, status, total, currency, payment_transaction_id, trace_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(order.id(), order.customerId(), order.status(), order.total(), order.currency(),
					order.paymentTransactionId(), order.traceId(), Timestamp.from(order.createdAt()))
			.update();
		int number = 0;
		for (Order.Line line : order.lines()) {
			this.jdbc.sql("""
					insert into order_lines (order_id, line_number, sku, quantity, unit_price)
					values (?, ?, ?, ?, ?)""")
				.params(order.id(), ++number, line.sku(), line.quantity(), line.unitPrice())
				.update();
		}
	}

	/**
	 * Finds an order; the span is {@code find-order}.
	 * @param id the order id
	 * @return the order, if there is one
	 */
	@Traced
	@Transactional(readOnly = true)
	public Optional<Order> find(@SpanAttribute("order.id") String id) {
		List<Order.Line> lines = this.jdbc
			.sql("select sku, quantity, unit_price from order_lines where order_id = ? order by line_number")
			.param(id)
			.query((rs, row) -> new Order.Line(rs.getString("sku"), rs.getInt("quantity"),
					rs.getBigDecimal("unit_price")))
			.list();
		return this.jdbc.sql("select * from orders where id = ?")
			.param(id)
			.query((rs, row) -> new Order(rs.getString("id"), rs.getString("customer_id"), rs.getString("status"),
					lines, rs.getBigDecimal("total"), rs.getString("currency"),
					rs.getString("payment_transaction_id"), rs.getString("trace_id"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

}
