package io.github.oteltracing.sample.order;

/**
 * An item's SKU is not in the inventory.
 */
public class UnknownProductException extends RuntimeException {

	public UnknownProductException(String sku) {
		super("Unknown product " + sku);
	}

}
