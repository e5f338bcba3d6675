package io.github.oteltracing.sample.payment;

import java.math.BigDecimal;

import io.github.oteltracing.test.AutoConfigureTracingCapture;
import io.github.oteltracing.test.CapturedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

/**
 * The spans of a payment on WebFlux: the server span, the traced service method under it
 * (with the payment's attributes and its completion event) and, under that, the fraud
 * check and the gateway call, which ends on another thread.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=payment-service", "server.address=127.0.0.1" })
@AutoConfigureTracingCapture
class PaymentTracingTests {

	private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

	private static final AttributeKey<String> CARD_LAST4 = AttributeKey.stringKey("payment.card.last4");

	private static final AttributeKey<Boolean> FRAUD_DETECTED = AttributeKey.booleanKey("fraud.detected");

	@Autowired
	CapturedSpans spans;

	@LocalServerPort
	int port;

	@Test
	void authorizedPaymentShowsEachStepUnderTheRequest() {
		int status = pay("4242424242424242");
		assertThat(status).isEqualTo(201);
		SpanData server = this.spans.awaitSpan("POST /payments");
		SpanData process = this.spans.awaitSpan("process-payment");
		assertThat(server).hasKind(SpanKind.SERVER)
			.hasNoParent()
			.hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 201L);
		assertThat(process).hasKind(SpanKind.INTERNAL)
			.hasParent(server)
			.hasAttribute(ORDER_ID, "order-1")
			.hasAttribute(PaymentService.AMOUNT, 42.5)
			.hasAttribute(CARD_LAST4, "4242")
			.hasEventsSatisfyingExactly((event) -> event.hasName("payment-completed"));
		assertThat(this.spans.awaitSpan("detect-fraud")).hasParent(process).hasAttribute(FRAUD_DETECTED, false);
		assertThat(this.spans.awaitSpan("call-payment-gateway")).hasParent(process)
			.hasAttributesSatisfying((attributes) -> assertThat(attributes.get(PaymentService.TRANSACTION_ID))
				.startsWith("tx-"));
		assertThat(this.spans.trace(server.getTraceId())).hasSize(4);
	}

	@Test
	void declinedCardFailsTheGatewayCall() {
		int status = pay(PaymentGateway.DECLINED_CARD);
		assertThat(status).isEqualTo(402);
		SpanData process = this.spans.awaitSpan("process-payment");
		assertThat(this.spans.awaitSpan("call-payment-gateway")).hasParent(process)
			.hasStatusSatisfying((code) -> code.hasCode(StatusCode.ERROR)
				.hasDescription("Card declined: insufficient funds"));
		assertThat(process).hasStatusSatisfying((code) -> code.hasCode(StatusCode.ERROR));
	}

	private int pay(String cardNumber) {
		PaymentRequest request = new PaymentRequest("order-1", new BigDecimal("42.50"), "EUR", cardNumber);
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/payments")
			.bodyValue(request)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block();
	}

}
