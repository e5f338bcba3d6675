package io.github.oteltracing.sample.payment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.trace.Span;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Stands in for a card payment gateway: answers after a short network-like delay, and
 * declines the usual test cards.
 */
@Component
public class PaymentGateway {

	/** Declined for insufficient funds. */
	public static final String DECLINED_CARD = "4000000000000002";

	private static final Map<String, String> DECLINES = Map.of(DECLINED_CARD, "insufficient funds",
			"4000000000000069", "expired card");

	/**
	 * Charges the card.
	 * @param request the payment
	 * @return the authorization, or a {@link PaymentDeclinedException} if the card is
	 * declined
	 */
	@Traced("call-payment-gateway")
	public Mono<Authorization> charge(PaymentRequest request) {
		// The span starts when the Mono is subscribed, and is current then: captured at that
		// point, as the answer arrives later, on another thread.
		return Mono.defer(() -> {
			Span span = Span.current();
			return Mono.delay(latency()).flatMap((tick) -> {
				String decline = DECLINES.get(request.cardNumber());
				if (decline != null) {
					return Mono.error(new PaymentDeclinedException("Card declined: " + decline));
				}
				String transactionId = "tx-" + UUID.randomUUID();
				span.setAttribute(PaymentService.TRANSACTION_ID, transactionId);
				return Mono.just(new Authorization(transactionId, request.amount(), request.currency()));
			});
		});
	}

	private static Duration latency() {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(40, 90));
	}

}
