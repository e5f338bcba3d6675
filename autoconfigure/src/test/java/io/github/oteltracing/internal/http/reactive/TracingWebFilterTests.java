package io.github.oteltracing.internal.http.reactive;

import java.util.List;

import io.github.oteltracing.internal.http.ExcludedPaths;
import io.github.oteltracing.internal.http.ServerSpans;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.ErrorAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The span's life when the rest of the chain misbehaves; real servers cover the rest.
 */
class TracingWebFilterTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final TracingWebFilter filter = new TracingWebFilter(
			new ServerSpans(OpenTelemetrySdk.builder().setTracerProvider(this.tracerProvider).build(),
					new ExcludedPaths(List.of()), false),
			0);

	@AfterEach
	void close() {
		this.tracerProvider.close();
	}

	@Test
	void aChainThatThrowsInsteadOfReturningAnErrorStillEndsTheSpan() {
		IllegalStateException failure = new IllegalStateException("thrown, not signalled");
		WebFilterChain throwing = (exchange) -> {
			throw failure;
		};
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/items/1"));
		assertThatException().isThrownBy(() -> this.filter.filter(exchange, throwing).block()).isSameAs(failure);
		assertThat(this.exporter.getFinishedSpanItems()).singleElement().satisfies((span) -> {
			assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
			assertThat(span.getAttributes().get(ErrorAttributes.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
		});
	}

}
