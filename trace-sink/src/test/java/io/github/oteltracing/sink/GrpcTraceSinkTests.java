package io.github.oteltracing.sink;

import java.time.Duration;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Round trip through {@link OtlpGrpcSpanExporter}.
 */
class GrpcTraceSinkTests extends AbstractExporterRoundTripTests {

	@Override
	TraceSink start() {
		return TraceSink.startGrpc(0);
	}

	@Override
	SpanExporter exporter(TraceSink sink, String headerName, String headerValue) {
		return OtlpGrpcSpanExporter.builder()
			.setEndpoint(sink.endpoint())
			.setCompression("gzip")
			.addHeader(headerName, headerValue)
			.setTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Override
	String expectedPath() {
		return "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
	}

	@Override
	String contentEncodingHeader() {
		return "grpc-encoding";
	}

	@Override
	boolean compressedBodySizeKnown() {
		return false;
	}

}
