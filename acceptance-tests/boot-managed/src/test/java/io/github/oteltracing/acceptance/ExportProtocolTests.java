package io.github.oteltracing.acceptance;

import java.util.List;

import io.github.oteltracing.sink.ExportRequest;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.oteltracing.acceptance.ReceivedSpans.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both OTLP transports, with and without compression, deliver the spans and the
 * configured headers to a real receiver.
 */
class ExportProtocolTests {

	@ParameterizedTest(name = "{0}, compression {1}")
	@CsvSource({ "http/protobuf, gzip, /v1/traces", "http/protobuf, none, /v1/traces",
			"grpc, gzip, /opentelemetry.proto.collector.trace.v1.TraceService/Export",
			"grpc, none, /opentelemetry.proto.collector.trace.v1.TraceService/Export" })
	void spansArriveWithTheConfiguredProtocolCompressionAndHeaders(String protocol, String compression, String path)
			throws Exception {
		try (TraceSink sink = protocol.equals("grpc") ? TraceSink.startGrpc(0) : TraceSink.startHttp(0);
				ConfigurableApplicationContext context = TestShop.start(sink,
						"tracing.exporter.otlp.protocol=" + protocol, "tracing.exporter.otlp.compression=" + compression,
						"tracing.exporter.otlp.headers.x-api-key=key-for-" + compression,
						"tracing.service-name=orders-over-" + protocol)) {
			context.getBean(CheckoutService.class)
				.placeOrder("order-" + compression, 1L, List.of(new OrderLine("pen", 1)), 5.0);
			List<ReceivedSpan> spans = sink.awaitSpans(6, WAIT);
			assertThat(spans).extracting(ReceivedSpan::name)
				.containsExactlyInAnyOrder("place-order", "reserve-stock", "quote-pricing", "authorize-payment",
						"send-invoice", "publish order-placed");
			// tracing.service-name wins over spring.application.name.
			assertThat(spans).extracting(ReceivedSpan::serviceName).containsOnly("orders-over-" + protocol);
			assertThat(sink.requests()).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.path()).isEqualTo(path);
				assertThat(request.header("x-api-key")).isEqualTo("key-for-" + compression);
				if (compression.equals("gzip")) {
					assertThat(request.contentEncoding()).isEqualTo("gzip");
				}
				else {
					assertThat(request.contentEncoding()).as("content encoding").isIn(null, "identity");
				}
			});
		}
	}

	@Test
	void endpointThatAlreadyEndsWithTheTracesPathIsUsedAsIs() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0);
				ConfigurableApplicationContext context = TestShop.start(sink,
						"tracing.exporter.otlp.endpoint=" + sink.endpoint() + "/v1/traces")) {
			context.getBean(InventoryService.class).reserveStock("pen", 1);
			sink.awaitSpans(1, WAIT);
			assertThat(sink.requests()).extracting(ExportRequest::path).containsOnly("/v1/traces");
		}
	}

}
