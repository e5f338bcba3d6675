package io.github.oteltracing.sample.payment;

import java.math.BigDecimal;

/**
 * A request to authorize a card payment for an order.
 *
 * @param orderId the order paid for
 * @param amount the amount to charge
 * @param currency the ISO 4217 currency code
 * @param cardNumber the card number: never logged nor recorded on a span
 */
public record PaymentRequest(String orderId, BigDecimal amount, String currency, String cardNumber) {

	/**
	 * Returns the last four digits of the card, the most of it that may be shown.
	 * @return up to four digits
	 */
	public String cardLast4() {
		String digits = (this.cardNumber != null) ? this.cardNumber.replaceAll("\\D", "") : "";
		return digits.substring(Math.max(0, digits.length() - 4));
	}

	// The generated toString would print the card number wherever the request is logged.
	@Override
	public String toString() {
		return "PaymentRequest[orderId=" + this.orderId + ", amount=" + this.amount + ", currency=" + this.currency
				+ ", card=****" + cardLast4() + "]";
	}

}
