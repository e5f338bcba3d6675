package io.github.oteltracing.sample.order;

/**
 * An item has fewer units in stock than ordered.
 */
public class OutOfStockException extends RuntimeException {

	public OutOfStockException(String sku, int available, int requested) {
		super(sku + " is out of stock: " + available + " available, " + requested + " ordered");
	}

}
