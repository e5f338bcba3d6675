package io.github.oteltracing.sample.order;

import java.math.BigDecimal;
import java.time.Duration;

import io.github.oteltracing.annotation.Traced;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The payment service, through a {@link WebClient}. The order service is a blocking
 * Spring MVC application, so it waits for the answer.
 */
@Component
public class PaymentClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final WebClient webClient;

	PaymentClient(WebClient paymentWebClient) {
		this.webClient = paymentWebClient;
	}

	/**
	 * Authorizes a card payment; the span is {@code authorize-payment}. The card number
	 * is not a span attribute on purpose.
	 * @param orderId the order paid for
	 * @param amount the amount to charge
	 * @param currency the ISO 4217 currency code
	 * @param cardNumber the card
	 * @return the payment service's transaction id
	 * @throws PaymentDeclinedException if the payment service refuses the payment
	 */
	@Traced
	public String authorize(String orderId, BigDecimal amount, String currency, String cardNumber) {
		Authorization authorization = this.webClient.post()
			.uri("/payments")
			.bodyValue(new PaymentRequest(orderId, amount, currency, cardNumber))
			.retrieve()
			.onStatus((status) -> status.value() == HttpStatus.PAYMENT_REQUIRED.value(),
					(response) -> response.bodyToMono(Refusal.class)
						.map((refusal) -> new PaymentDeclinedException(refusal.detail())))
			.bodyToMono(Authorization.class)
			.block(TIMEOUT);
		if (authorization == null || authorization.transactionId() == null) {
			throw new IllegalStateException("The payment service answered without a transaction id");
		}
		return authorization.transactionId();
	}

	record PaymentRequest(String orderId, BigDecimal amount, String currency, String cardNumber) {

		@Override
		public String toString() {
			return "PaymentRequest[orderId=" + this.orderId + ", amount=" + this.amount + ", cardNumber=****]";
		}

	}

	record Authorization(String transactionId) {
	}

	// The problem detail of a 402: its detail is the reason.
	record Refusal(String detail) {
	}

}
