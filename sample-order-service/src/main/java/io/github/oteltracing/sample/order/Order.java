package io.github.oteltracing.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A confirmed order.
 *
 * @param id the order id
 * @param customerId who ordered
 * @param status always {@code CONFIRMED}: only paid orders are saved
 * @param lines what was ordered, at which price
 * @param total the amount charged
 * @param currency the ISO 4217 currency code
 * @param paymentTransactionId the payment service's transaction
 * @param traceId the trace the order was created in, to look it up in a tracing backend
 * @param createdAt when it was created
 */
public record Order(String id, String customerId, String status, List<Line> lines, BigDecimal total, String currency,
		String paymentTransactionId, String traceId, Instant createdAt) {

	static final String CONFIRMED = "CONFIRMED";

	/**
	 * One product of an order, priced.
	 *
	 * @param sku the product
	 * @param quantity how many
	 * @param unitPrice the price of one
	 */
	public record Line(String sku, int quantity, BigDecimal unitPrice) {

	}

}
