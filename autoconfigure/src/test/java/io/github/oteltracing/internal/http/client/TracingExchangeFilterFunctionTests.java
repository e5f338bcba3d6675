package io.github.oteltracing.internal.http.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.HttpAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code WebClient} filter's span and the trace headers on the HTTP request that Spring
 * writes the {@code ClientRequest} to, also when a filter after it rebuilds the request.
 * (Over the network, with each propagator: {@code HttpTracingIntegrationTests}.)
 */
class TracingExchangeFilterFunctionTests {

	private static final URI URL = URI.create("http://127.0.0.1:8081/stock/A-1");

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
		.setTracerProvider(this.tracerProvider)
		.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
		.build();

	private final AtomicReference<MockClientHttpRequest> written = new AtomicReference<>();

	/** Writes the request as {@code ExchangeFunctions} does, and answers 200. */
	private final ExchangeFunction exchange = (request) -> {
		MockClientHttpRequest httpRequest = new MockClientHttpRequest(request.method(), request.url());
		this.written.set(httpRequest);
		return request.writeTo(httpRequest, ExchangeStrategies.withDefaults())
			.then(Mono.fromCallable(() -> ClientResponse.create(HttpStatus.OK).build()));
	};

	@AfterEach
	void close() {
		this.tracerProvider.close();
	}

	@Test
	void theHttpRequestCarriesTheClientSpanAndTheRequestsOwnHeaders() {
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URL).header(HttpHeaders.ACCEPT, "text/plain").build();
		new TracingExchangeFilterFunction(this.openTelemetry).filter(request, this.exchange).block();
		SpanData span = onlySpan();
		assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
		assertThat(span.getAttributes().get(HttpAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
		HttpHeaders headers = this.written.get().getHeaders();
		assertThat(headers.getFirst("traceparent")).isEqualTo(traceparent(span));
		assertThat(headers.getFirst(HttpHeaders.ACCEPT)).isEqualTo("text/plain");
		assertThat(request.headers().getFirst("traceparent")).isNull();
	}

	@Test
	void theRequestIsNotCopied() {
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URL).header(HttpHeaders.ACCEPT, "text/plain").build();
		AtomicReference<ClientRequest> passed = new AtomicReference<>();
		ExchangeFunction next = (sent) -> {
			passed.set(sent);
			return this.exchange.exchange(sent);
		};
		new TracingExchangeFilterFunction(this.openTelemetry).filter(request, next).block();
		assertThat(passed.get().headers()).isSameAs(request.headers());
		assertThat(passed.get().attributes()).isSameAs(request.attributes());
		assertThat(passed.get().logPrefix()).isEqualTo(request.logPrefix());
	}

	@Test
	void aFilterAfterItThatRebuildsTheRequestKeepsTheTraceHeaders() {
		ExchangeFilterFunction rebuilding = (request, next) -> next
			.exchange(ClientRequest.from(request).header("X-Extra", "1").build());
		ExchangeFilterFunction filters = new TracingExchangeFilterFunction(this.openTelemetry).andThen(rebuilding);
		filters.filter(ClientRequest.create(HttpMethod.GET, URL).build(), this.exchange).block();
		HttpHeaders headers = this.written.get().getHeaders();
		assertThat(headers.getFirst("traceparent")).isEqualTo(traceparent(onlySpan()));
		assertThat(headers.get("traceparent")).hasSize(1);
		assertThat(headers.getFirst("X-Extra")).isEqualTo("1");
	}

	@Test
	void aTraceparentSetByTheApplicationIsReplaced() {
		ClientRequest request = ClientRequest.create(HttpMethod.GET, URL)
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.build();
		new TracingExchangeFilterFunction(this.openTelemetry).filter(request, this.exchange).block();
		assertThat(this.written.get().getHeaders().get("traceparent")).containsExactly(traceparent(onlySpan()));
	}

	private SpanData onlySpan() {
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

	private static String traceparent(SpanData span) {
		return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
	}

}
