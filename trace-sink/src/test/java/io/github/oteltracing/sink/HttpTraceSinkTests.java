package io.github.oteltracing.sink;

import java.time.Duration;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Round trip through {@link OtlpHttpSpanExporter} (http/protobuf).
 */
class HttpTraceSinkTests extends AbstractExporterRoundTripTests {

	@Override
	TraceSink start() {
		return TraceSink.startHttp(0);
	}

	@Override
	SpanExporter exporter(TraceSink sink, String headerName, String headerValue) {
		return OtlpHttpSpanExporter.builder()
			.setEndpoint(sink.endpoint() + "/v1/traces")
			.setCompression("gzip")
			.addHeader(headerName, headerValue)
			.setTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Override
	String expectedPath() {
		return "/v1/traces";
	}

	@Override
	String contentEncodingHeader() {
		return "content-encoding";
	}

	@Override
	boolean compressedBodySizeKnown() {
		return true;
	}

}
