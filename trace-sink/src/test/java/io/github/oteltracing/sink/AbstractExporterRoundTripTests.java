package io.github.oteltracing.sink;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Exports spans with a real OpenTelemetry SDK exporter (gzip, custom header) to a sink and
 * checks what arrived.
 */
abstract class AbstractExporterRoundTripTests {

	static final Duration WAIT = Duration.ofSeconds(5);

	static final String HEADER = "x-sink-test-token";

	private TraceSink sink;

	private SdkTracerProvider tracerProvider;

	private Tracer tracer;

	abstract TraceSink start();

	abstract SpanExporter exporter(TraceSink sink, String headerName, String headerValue);

	abstract String expectedPath();

	abstract String contentEncodingHeader();

	// gRPC decompresses a message before the service sees it.
	abstract boolean compressedBodySizeKnown();

	@BeforeEach
	void setUp() {
		this.sink = start();
		Resource resource = Resource.getDefault()
			.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout",
					AttributeKey.stringKey("deployment.environment.name"), "test")));
		this.tracerProvider = SdkTracerProvider.builder()
			.setResource(resource)
			.addSpanProcessor(SimpleSpanProcessor.create(exporter(this.sink, HEADER, "secret-42")))
			.build();
		this.tracer = this.tracerProvider.tracerBuilder("round-trip-test").setInstrumentationVersion("1.2.3").build();
	}

	@AfterEach
	void tearDown() {
		this.tracerProvider.shutdown().join(5, TimeUnit.SECONDS);
		this.sink.close();
	}

	@Test
	void spansArriveWithIdsKindsAttributesEventsAndResource() {
		Span parent = this.tracer.spanBuilder("GET /orders/{id}")
			.setSpanKind(SpanKind.SERVER)
			.setAttribute("http.request.method", "GET")
			.setAttribute("http.response.status_code", 200L)
			.setAttribute("sample.ratio", 0.25)
			.setAttribute("cache.enabled", true)
			.setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
			.setAttribute(AttributeKey.longArrayKey("sizes"), List.of(1L, 2L))
			.startSpan();
		Span child;
		try (Scope ignored = parent.makeCurrent()) {
			child = this.tracer.spanBuilder("load-order").setSpanKind(SpanKind.CLIENT).startSpan();
			child.addEvent("cache-miss", Attributes.of(AttributeKey.stringKey("cache.key"), "order:7"));
			child.setStatus(StatusCode.ERROR, "boom");
			child.end();
		}
		parent.end();

		List<ReceivedSpan> spans = this.sink.awaitSpans(2, WAIT);

		// Each span is exported on its own, so their arrival order is not guaranteed.
		assertThat(spans).extracting(ReceivedSpan::name).containsExactlyInAnyOrder("load-order", "GET /orders/{id}");
		ReceivedSpan receivedChild = named(spans, "load-order");
		ReceivedSpan receivedParent = named(spans, "GET /orders/{id}");

		assertThat(receivedParent.kind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
		assertThat(receivedParent.traceId()).isEqualTo(parent.getSpanContext().getTraceId()).hasSize(32);
		assertThat(receivedParent.spanId()).isEqualTo(parent.getSpanContext().getSpanId()).hasSize(16);
		assertThat(receivedParent.parentSpanId()).isEmpty();
		assertThat(receivedParent.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
		assertThat(receivedParent.attributes()).containsOnly(entry("http.request.method", "GET"),
				entry("http.response.status_code", 200L), entry("sample.ratio", 0.25), entry("cache.enabled", true),
				entry("tags", List.of("a", "b")), entry("sizes", List.of(1L, 2L)));
		assertThat(receivedParent.attribute("http.response.status_code")).isEqualTo(200L);
		assertThat(receivedParent.attribute("absent")).isNull();
		assertThat(receivedParent.startEpochNanos()).isPositive()
			.isLessThanOrEqualTo(receivedParent.endEpochNanos());
		assertThat(receivedParent.events()).isEmpty();

		assertThat(receivedChild.kind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(receivedChild.traceId()).isEqualTo(receivedParent.traceId());
		assertThat(receivedChild.spanId()).isEqualTo(child.getSpanContext().getSpanId());
		assertThat(receivedChild.parentSpanId()).isEqualTo(receivedParent.spanId());
		assertThat(receivedChild.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
		assertThat(receivedChild.statusMessage()).isEqualTo("boom");
		assertThat(receivedChild.events()).singleElement().satisfies((event) -> {
			assertThat(event.getName()).isEqualTo("cache-miss");
			assertThat(event.getAttributes(0).getKey()).isEqualTo("cache.key");
			assertThat(event.getAttributes(0).getValue().getStringValue()).isEqualTo("order:7");
		});

		for (ReceivedSpan span : spans) {
			assertThat(span.serviceName()).isEqualTo("checkout");
			assertThat(span.resourceAttribute("deployment.environment.name")).isEqualTo("test");
			assertThat(span.resourceAttributes()).containsEntry("telemetry.sdk.language", "java");
			assertThat(span.scopeName()).isEqualTo("round-trip-test");
			assertThat(span.scope().getVersion()).isEqualTo("1.2.3");
			assertThat(span.proto().getName()).isEqualTo(span.name());
		}
		assertThat(receivedChild.toString()).contains("'load-order'", "CLIENT", receivedChild.spanId(),
				"parent=" + receivedParent.spanId(), "ERROR", "service=checkout");
	}

	private static ReceivedSpan named(List<ReceivedSpan> spans, String name) {
		return spans.stream().filter((span) -> span.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void requestsRecordPathCompressionHeadersAndSpanCount() {
		this.tracer.spanBuilder("first").startSpan().end();
		this.tracer.spanBuilder("second").startSpan().end();

		this.sink.awaitSpans((spans) -> spans.size() == 2, WAIT);

		List<ExportRequest> requests = this.sink.requests();
		assertThat(requests).hasSize(2).allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo(expectedPath());
			assertThat(request.contentEncoding()).isEqualTo("gzip");
			assertThat(request.headers()).containsEntry(HEADER, "secret-42")
				.containsEntry(contentEncodingHeader(), "gzip");
			assertThat(request.header(HEADER.toUpperCase())).isEqualTo("secret-42");
			assertThat(request.headers().keySet()).allSatisfy((name) -> assertThat(name).isLowerCase());
			assertThat(request.spanCount()).isEqualTo(1);
			assertThat(request.messageSize()).isPositive();
			if (compressedBodySizeKnown()) {
				assertThat(request.bodySize()).isPositive();
			}
			else {
				assertThat(request.bodySize()).isEqualTo(-1);
			}
		});
	}

	@Test
	void clearForgetsSpansAndRequests() {
		this.tracer.spanBuilder("before-clear").startSpan().end();
		this.sink.awaitSpans(1, WAIT);

		this.sink.clear();
		assertThat(this.sink.spans()).isEmpty();
		assertThat(this.sink.requests()).isEmpty();

		this.tracer.spanBuilder("after-clear").startSpan().end();
		assertThat(this.sink.awaitSpans(1, WAIT)).extracting(ReceivedSpan::name).containsExactly("after-clear");
	}

	@Test
	void endpointIsLoopbackWithBoundPort() {
		assertThat(this.sink.port()).isPositive();
		assertThat(this.sink.endpoint()).isEqualTo("http://127.0.0.1:" + this.sink.port());
	}

}
