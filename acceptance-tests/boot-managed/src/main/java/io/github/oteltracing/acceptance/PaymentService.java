package io.github.oteltracing.acceptance;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.stereotype.Service;

@Service
public class PaymentService {

	static final double LIMIT = 1000.0;

	/**
	 * Authorizes a payment ({@code authorize-payment}); amounts over the limit are declined.
	 */
	@Traced
	public String authorize(@SpanAttribute("order.id") String orderId, @SpanAttribute("payment.amount") double amount)
			throws PaymentDeclinedException {
		if (amount > LIMIT) {
			throw new PaymentDeclinedException("Amount " + amount + " for order " + orderId + " exceeds the limit");
		}
		return "tx-" + orderId;
	}

}
