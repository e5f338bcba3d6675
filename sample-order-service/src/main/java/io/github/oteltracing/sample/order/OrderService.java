package io.github.oteltracing.sample.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.baggage.TracingBaggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Takes an order: stock, prices, payment, then saves it. Each step is a span of its own,
 * so the trace reads like the business process.
 */
@Service
public class OrderService {

	private static final Logger logger = LoggerFactory.getLogger(OrderService.class);

	private static final String CUSTOMER_ID = "customer.id";

	private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

	private static final AttributeKey<Long> ORDER_ITEM_COUNT = AttributeKey.longKey("order.item_count");

	private final InventoryClient inventory;

	private final PaymentClient payments;

	private final OrderRepository orders;

	OrderService(InventoryClient inventory, PaymentClient payments, OrderRepository orders) {
		this.inventory = inventory;
		this.payments = payments;
		this.orders = orders;
	}

	/**
	 * Creates an order; the span is {@code create-order}.
	 * @param customerId who orders
	 * @param items what
	 * @param cardNumber the card to charge (deliberately not a span attribute)
	 * @return the confirmed order
	 * @throws OutOfStockException if an item is not available
	 * @throws UnknownProductException if an item is not in the catalog
	 * @throws PaymentDeclinedException if the payment is refused
	 */
	@Traced
	public Order createOrder(@SpanAttribute("customer.id") String customerId, List<OrderRequest.Item> items,
			String cardNumber) {
		// For the rest of the request: inventory and payment calls carry it, and the payment
		// service's spans and log lines show it (tracing.baggage.* in both services).
		TracingBaggage.set(CUSTOMER_ID, customerId);
		Span span = Span.current();
		String orderId = UUID.randomUUID().toString();
		span.setAttribute(ORDER_ID, orderId);
		span.setAttribute(ORDER_ITEM_COUNT, items.size());
		this.inventory.checkInventory(items);
		InventoryClient.PricedItems priced = this.inventory.calculatePrice(items);
		String transactionId = this.payments.authorize(orderId, priced.total(), priced.currency(), cardNumber);
		Order order = new Order(orderId, customerId, Order.CONFIRMED, priced.lines(), priced.total(),
				priced.currency(), transactionId, span.getSpanContext().getTraceId(), Instant.now());
		this.orders.save(order);
		logger.info("Order {} confirmed: {} {} for customer {}", orderId, order.total(), order.currency(), customerId);
		return order;
	}

}
