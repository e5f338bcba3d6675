package io.github.oteltracing.acceptance;

/**
 * A checked exception, so that wrapping it on the way out of a proxy would show.
 */
public class PaymentDeclinedException extends Exception {

	public PaymentDeclinedException(String message) {
		super(message);
	}

}
