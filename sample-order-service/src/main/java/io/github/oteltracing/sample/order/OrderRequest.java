package io.github.oteltracing.sample.order;

import java.util.List;

/**
 * The body of {@code POST /orders}.
 *
 * @param customerId who orders
 * @param items what, and how many of each
 * @param cardNumber the card to pay with: passed on to the payment service, never logged
 * nor recorded on a span
 */
public record OrderRequest(String customerId, List<Item> items, String cardNumber) {

	/**
	 * Checks that the request can be processed.
	 * @throws InvalidOrderException if a field is missing or out of range
	 */
	void validate() {
		if (this.customerId == null || this.customerId.isBlank()) {
			throw new InvalidOrderException("customerId is required");
		}
		if (this.items == null || this.items.isEmpty()) {
			throw new InvalidOrderException("items must not be empty");
		}
		for (Item item : this.items) {
			if (item == null || item.sku() == null || item.sku().isBlank() || item.quantity() < 1) {
				throw new InvalidOrderException("every item needs a sku and a quantity of at least 1");
			}
		}
		if (this.cardNumber == null || this.cardNumber.isBlank()) {
			throw new InvalidOrderException("cardNumber is required");
		}
	}

	// The generated toString would print the card number wherever the request is logged.
	@Override
	public String toString() {
		return "OrderRequest[customerId=" + this.customerId + ", items=" + this.items + ", cardNumber=****]";
	}

	/**
	 * One product of an order.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Item(String sku, int quantity) {

	}

}
