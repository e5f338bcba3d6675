package io.github.oteltracing.sample.order;

/**
 * The payment service refused the payment. The message is its reason, which never contains the card number.
 */
public class PaymentDeclinedException extends RuntimeException {

	public PaymentDeclinedException(String reason) {
		super(reason);
	}

}
