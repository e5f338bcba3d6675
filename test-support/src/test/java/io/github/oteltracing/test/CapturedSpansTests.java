package io.github.oteltracing.test;

import java.time.Duration;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.assertj.TracesAssert;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThatThrownBy;

/**
 * {@link AutoConfigureTracingCapture} in a {@code @SpringBootTest} of a real server:
 * spans, their parents and attributes as the application makes them, redacted, and none
 * left over from the test before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "spring.main.banner-mode=off" })
@AutoConfigureTracingCapture
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapturedSpansTests {

	private static final AttributeKey<String> GREETING_NAME = AttributeKey.stringKey("greeting.name");

	private static final AttributeKey<String> USER_PASSWORD = AttributeKey.stringKey("user.password");

	@Autowired
	CapturedSpans spans;

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void capturesTheServerSpanAndItsTracedChild() {
		get("/greet/ada");
		SpanData server = this.spans.awaitSpan("GET /greet/{name}");
		SpanData traced = this.spans.awaitSpan("compose-greeting");
		assertThat(server).hasKind(SpanKind.SERVER).hasNoParent().hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
		assertThat(traced).hasKind(SpanKind.INTERNAL)
			.hasParent(server)
			.hasParentSpanId(server.getSpanId())
			.hasAttribute(GREETING_NAME, "ada");
		assertThat(this.spans.children(server)).containsExactly(traced);
		assertThat(this.spans.trace(server.getTraceId())).containsExactly(traced, server);
		TracesAssert.assertThat(this.spans.traces())
			.hasTracesSatisfyingExactly((trace) -> trace.hasSpansSatisfyingExactly(
					(span) -> span.hasName("compose-greeting").hasParent(server),
					(span) -> span.hasName("GET /greet/{name}").hasNoParent()));
	}

	@Test
	@Order(2)
	void startsEachTestWithNoSpans() {
		assertThat(this.spans.spans()).isEmpty();
	}

	@Test
	@Order(3)
	void capturesFailures() {
		assertThatThrownBy(() -> get("/greet/nobody")).isInstanceOf(HttpServerErrorException.class);
		assertThat(this.spans.awaitSpan("compose-greeting")).hasStatusSatisfying(
				(status) -> status.hasCode(StatusCode.ERROR).hasDescription("Nobody to greet"));
		assertThat(this.spans.awaitSpan("GET /greet/{name}")).hasStatusSatisfying(
				(status) -> status.hasCode(StatusCode.ERROR));
	}

	@Test
	void capturesSpansRedactedAsTheyWouldBeExported() {
		get("/greet/ada?password=hunter2");
		assertThat(this.spans.awaitSpan("compose-greeting")).hasAttribute(USER_PASSWORD, "****");
	}

	@Test
	void switchesTheStartersExporterOff(@Autowired ApplicationContext context) {
		assertThat(context.getEnvironment().getProperty("tracing.exporter.type")).isEqualTo("none");
		assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
	}

	@Test
	void saysWhichSpansEndedWhenTheAwaitedOneDoesNot() {
		get("/greet/ada");
		this.spans.awaitSpan("GET /greet/{name}");
		assertThatThrownBy(() -> this.spans.awaitSpan("checkout", Duration.ofMillis(1)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("No span named 'checkout'")
			.hasMessageContaining("[compose-greeting, GET /greet/{name}]");
	}

	private void get(String path) {
		RestClient.create("http://127.0.0.1:" + this.port).get().uri(path).retrieve().toBodilessEntity();
	}

}
