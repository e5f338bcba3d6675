package io.github.oteltracing.sample.payment;

import java.math.BigDecimal;

/**
 * An authorized payment.
 *
 * @param transactionId the gateway's id of the transaction
 * @param amount the amount authorized
 * @param currency the ISO 4217 currency code
 */
public record Authorization(String transactionId, BigDecimal amount, String currency) {

}
