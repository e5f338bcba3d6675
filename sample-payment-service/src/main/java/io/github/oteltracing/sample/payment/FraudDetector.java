package io.github.oteltracing.sample.payment;

import java.math.BigDecimal;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

import org.springframework.stereotype.Component;

/**
 * A deliberately simple fraud rule: unusually large amounts are suspicious.
 */
@Component
public class FraudDetector {

	private static final AttributeKey<Boolean> FRAUD_DETECTED = AttributeKey.booleanKey("fraud.detected");

	private static final BigDecimal SUSPICIOUS_AMOUNT = new BigDecimal("5000.00");

	/**
	 * Scores a payment.
	 * @param request the payment
	 * @return whether the payment looks fraudulent
	 */
	@Traced
	public boolean detectFraud(PaymentRequest request) {
		boolean detected = request.amount().compareTo(SUSPICIOUS_AMOUNT) > 0;
		Span.current().setAttribute(FRAUD_DETECTED, detected);
		return detected;
	}

}
