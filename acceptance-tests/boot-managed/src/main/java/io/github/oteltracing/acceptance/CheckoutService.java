package io.github.oteltracing.acceptance;

import java.util.List;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.stereotype.Service;

/**
 * Places an order by calling the other services: their spans are children of
 * {@code place-order}.
 */
@Service
public class CheckoutService {

	private final InventoryService inventory;

	private final PricingService pricing;

	private final PaymentService payments;

	private final InvoiceService invoices;

	private final OrderEventPublisher events;

	public CheckoutService(InventoryService inventory, PricingService pricing, PaymentService payments,
			InvoiceService invoices, OrderEventPublisher events) {
		this.inventory = inventory;
		this.pricing = pricing;
		this.payments = payments;
		this.invoices = invoices;
		this.events = events;
	}

	@Traced(attributes = "component=checkout")
	public String placeOrder(@SpanAttribute("order.id") String orderId, @SpanAttribute("customer.id") long customerId,
			List<OrderLine> lines, double amount) throws PaymentDeclinedException {
		int[] quantities = new int[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			quantities[i] = this.inventory.reserveStock(lines.get(i).sku(), lines.get(i).quantity());
		}
		List<String> skus = lines.stream().map(OrderLine::sku).toList();
		this.pricing.quote(skus, quantities, 0.25f, true, new Customer(customerId, "gold"), null);
		String transaction = this.payments.authorize(orderId, amount);
		this.invoices.send(orderId);
		this.events.publishOrderPlaced(orderId);
		return transaction;
	}

}
