package io.github.oteltracing.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Waterfall}, on spans that went through a {@link TraceSink} like the
 * demo's.
 */
class WaterfallTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final long T0 = 1_700_000_000_000_000_000L;

	private static final long MS = 1_000_000L;

	@Test
	void rendersChildrenIndentedUnderTheirParentWithOffsetsDurationsAndStatus() throws Exception {
		Span.Builder order = span("01", "", "POST /orders", SpanKind.SPAN_KIND_SERVER, 0, 100)
			.addAttributes(httpStatus(402));
		Span.Builder authorize = span("02", "01", "authorize-payment", SpanKind.SPAN_KIND_INTERNAL, 10, 90)
			.setStatus(error("Card declined: insufficient funds"));
		Span.Builder call = span("03", "02", "POST", SpanKind.SPAN_KIND_CLIENT, 12, 88).addAttributes(httpStatus(402))
			.setStatus(error(""));
		Span.Builder payment = span("04", "03", "POST /payments", SpanKind.SPAN_KIND_SERVER, 20, 80)
			.addAttributes(httpStatus(402));
		Span.Builder save = span("05", "01", "save-order", SpanKind.SPAN_KIND_INTERNAL, 95, 99.5);
		// Spans of one service arrive in several requests, children before their parents.
		List<ReceivedSpan> trace = receive(resourceSpans("order-service", call, authorize),
				resourceSpans("payment-service", payment), resourceSpans("order-service", order, save));
		assertThat(new Waterfall(Waterfall.Glyphs.ASCII).render(trace)).isEqualTo("""
				trace 4bf92f3577b34da6a3ce929d0e0e4736  5 spans, 2 services (order-service, payment-service), 100 ms
				SERVICE          SPAN                     KIND       START  DURATION  TIMELINE                          STATUS
				order-service    POST /orders             server    0.0 ms    100 ms  |##############################|  402
				order-service    +- authorize-payment                10 ms     80 ms  |   ########################   |  ERROR Card declined: insufficient funds
				order-service    |  `- POST               client     12 ms     76 ms  |   ########################   |  402 ERROR
				payment-service  |     `- POST /payments  server     20 ms     60 ms  |      ##################      |  402
				order-service    `- save-order                       95 ms    4.5 ms  |                            ##|
				""");
	}

	@Test
	void showsTheCustomerASpanCarries() throws Exception {
		Span.Builder payment = span("04", "", "POST /payments", SpanKind.SPAN_KIND_SERVER, 0, 10)
			.addAttributes(httpStatus(201))
			.addAttributes(string("customer.id", "cust-42"));
		List<ReceivedSpan> trace = receive(resourceSpans("payment-service", payment));
		assertThat(new Waterfall(Waterfall.Glyphs.ASCII).render(trace)).contains("|  201  customer.id=cust-42\n");
	}

	@Test
	void spansWhoseParentIsMissingAreShownAsRoots() throws Exception {
		Span.Builder orphan = span("02", "ff", "GET /stock/{sku}", SpanKind.SPAN_KIND_SERVER, 0, 10);
		List<ReceivedSpan> trace = receive(resourceSpans("inventory-service", orphan));
		assertThat(new Waterfall(Waterfall.Glyphs.UNICODE).render(trace))
			.contains("\ninventory-service  GET /stock/{sku}");
	}

	private static List<ReceivedSpan> receive(ResourceSpans... resourceSpans) throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder()
				.addAllResourceSpans(List.of(resourceSpans))
				.build();
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(sink.endpoint() + "/v1/traces"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/x-protobuf")
					.POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isEqualTo(200);
			return sink.spans();
		}
	}

	private static ResourceSpans resourceSpans(String service, Span.Builder... spans) {
		ScopeSpans.Builder scope = ScopeSpans.newBuilder();
		for (Span.Builder span : spans) {
			scope.addSpans(span);
		}
		return ResourceSpans.newBuilder()
			.setResource(Resource.newBuilder().addAttributes(string("service.name", service)))
			.addScopeSpans(scope)
			.build();
	}

	// Span ids are given by their last byte: "01" is 0000000000000001.
	private static Span.Builder span(String id, String parentId, String name, SpanKind kind, double startMillis,
			double endMillis) {
		return Span.newBuilder()
			.setTraceId(bytes(TRACE_ID))
			.setSpanId(bytes("00000000000000" + id))
			.setParentSpanId(parentId.isEmpty() ? ByteString.EMPTY : bytes("00000000000000" + parentId))
			.setName(name)
			.setKind(kind)
			.setStartTimeUnixNano(T0 + (long) (startMillis * MS))
			.setEndTimeUnixNano(T0 + (long) (endMillis * MS));
	}

	private static Status error(String message) {
		return Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(message).build();
	}

	private static KeyValue httpStatus(int status) {
		return KeyValue.newBuilder()
			.setKey("http.response.status_code")
			.setValue(AnyValue.newBuilder().setIntValue(status))
			.build();
	}

	private static KeyValue string(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	private static ByteString bytes(String hex) {
		return ByteString.copyFrom(HexFormat.of().parseHex(hex));
	}

}
