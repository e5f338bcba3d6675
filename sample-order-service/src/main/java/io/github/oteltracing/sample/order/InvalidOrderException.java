package io.github.oteltracing.sample.order;

/**
 * The order request is incomplete or out of range.
 */
public class InvalidOrderException extends RuntimeException {

	public InvalidOrderException(String message) {
		super(message);
	}

}
