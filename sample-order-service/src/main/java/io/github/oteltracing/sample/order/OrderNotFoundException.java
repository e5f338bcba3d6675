package io.github.oteltracing.sample.order;

/**
 * No order has the id asked for.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(String id) {
		super("No order " + id);
	}

}
