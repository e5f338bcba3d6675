package io.github.oteltracing.sample.payment;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Authorizes a payment: a fraud check, then the gateway.
 */
@Service
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	static final AttributeKey<String> TRANSACTION_ID = AttributeKey.stringKey("payment.transaction_id");

	static final AttributeKey<Double> AMOUNT = AttributeKey.doubleKey("payment.amount");

	private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

	private static final AttributeKey<String> CARD_LAST4 = AttributeKey.stringKey("payment.card.last4");

	private final FraudDetector fraudDetector;

	private final PaymentGateway gateway;

	PaymentService(FraudDetector fraudDetector, PaymentGateway gateway) {
		this.fraudDetector = fraudDetector;
		this.gateway = gateway;
	}

	/**
	 * Processes a payment; the span is {@code process-payment}.
	 * @param request the payment
	 * @return the authorization, or a {@link PaymentDeclinedException}
	 */
	@Traced
	public Mono<Authorization> process(PaymentRequest request) {
		// A returned Mono's span starts when it is subscribed: the work is deferred until then.
		return Mono.defer(() -> {
			// Captured now: the gateway answers later, on another thread.
			Span span = Span.current();
			span.setAttribute(ORDER_ID, request.orderId());
			span.setAttribute(AMOUNT, request.amount().doubleValue());
			// Only the last four digits: the card number itself must never reach a span.
			span.setAttribute(CARD_LAST4, request.cardLast4());
			if (this.fraudDetector.detectFraud(request)) {
				return Mono.error(new PaymentDeclinedException("Suspected fraud"));
			}
			return this.gateway.charge(request).doOnNext((authorization) -> {
				span.addEvent("payment-completed", Attributes.of(TRANSACTION_ID, authorization.transactionId(), AMOUNT,
						authorization.amount().doubleValue()));
				logger.info("Payment {} authorized for order {}", authorization.transactionId(), request.orderId());
			});
		});
	}

}
