package io.github.oteltracing.sample.payment;

/**
 * Thrown when a payment is refused. The message is the reason, safe to show and record:
 * it never contains the card number.
 */
public class PaymentDeclinedException extends RuntimeException {

	public PaymentDeclinedException(String reason) {
		super(reason);
	}

}
