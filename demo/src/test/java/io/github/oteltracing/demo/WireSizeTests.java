package io.github.oteltracing.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.sink.ExportRequest;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.semconv.ServiceAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sizes the demo prints for docs/scaling.md add up.
 */
class WireSizeTests {

	@Test
	void receivedSumsTheBodiesAndMessages() {
		WireSize size = WireSize.received(List.of(request(3, 300, 1200), request(1, 100, 400)));

		assertThat(size).isEqualTo(new WireSize(2, 4, 400, 1600));
		assertThat(size.gzipBytesPerSpan()).isEqualTo(100.0);
		assertThat(size.protobufBytesPerSpan()).isEqualTo(400.0);
		assertThat(size.describe()).isEqualTo(
				"2 requests, 4 spans: 400 bytes gzip (100 per span), 1600 bytes uncompressed protobuf (400 per span)");
	}

	@Test
	void receivedRefusesWhatCannotBeMeasured() {
		assertThatIllegalArgumentException().isThrownBy(() -> WireSize
			.received(List.of(new ExportRequest("/v1/traces", Map.of(), null, 1, 10, 10))));
		assertThatIllegalArgumentException().isThrownBy(() -> WireSize
			.received(List.of(new ExportRequest("/v1/traces", Map.of(), "gzip", 1, -1, 10))));
	}

	@Test
	void rebatchedSplitsPerResourceIntoRequestsOfAtMostTheBatchSize() throws Exception {
		List<ReceivedSpan> spans = receive(resourceSpans("order-service", "a", "b", "c"),
				resourceSpans("payment-service", "d"));

		WireSize size = WireSize.rebatched(spans, 2);

		assertThat(size.requests()).isEqualTo(3);
		assertThat(size.spans()).isEqualTo(4);
		assertThat(size.gzipBytes()).isPositive();
		// Spans of one request share their resource: fuller requests cost less per span.
		List<ReceivedSpan> orders = spans.subList(0, 3);
		assertThat(WireSize.rebatched(orders, 3).requests()).isEqualTo(1);
		assertThat(WireSize.rebatched(orders, 3).protobufBytes())
			.isLessThan(WireSize.rebatched(orders, 1).protobufBytes());
	}

	private static ExportRequest request(int spans, int body, int message) {
		return new ExportRequest("/v1/traces", Map.of(), "gzip", spans, body, message);
	}

	// Through a real sink: its spans are what the demo measures.
	private static List<ReceivedSpan> receive(ResourceSpans... resourceSpans) throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(sink.endpoint() + "/v1/traces"))
					.header("Content-Type", "application/x-protobuf")
					.POST(HttpRequest.BodyPublishers.ofByteArray(
							ExportTraceServiceRequest.newBuilder().addAllResourceSpans(List.of(resourceSpans)).build().toByteArray()))
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isEqualTo(200);
			return sink.spans();
		}
	}

	private static ResourceSpans resourceSpans(String service, String... names) {
		ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("test"));
		for (String name : names) {
			scope.addSpans(Span.newBuilder().setName(name));
		}
		return ResourceSpans.newBuilder()
			.setResource(Resource.newBuilder()
				.addAttributes(KeyValue.newBuilder()
					.setKey(ServiceAttributes.SERVICE_NAME.getKey())
					.setValue(AnyValue.newBuilder().setStringValue(service))))
			.addScopeSpans(scope)
			.build();
	}

}
