package io.github.oteltracing.sample.inventory;

/**
 * Thrown for a SKU that the catalog does not have.
 */
public class UnknownProductException extends RuntimeException {

	public UnknownProductException(String sku) {
		super("Unknown product " + sku);
	}

}
