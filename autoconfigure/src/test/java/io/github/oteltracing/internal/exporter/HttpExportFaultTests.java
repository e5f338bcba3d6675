package io.github.oteltracing.internal.exporter;

/**
 * {@link ExportFaultTests} over OTLP http/protobuf.
 */
class HttpExportFaultTests extends ExportFaultTests {

	@Override
	FakeCollector createCollector() {
		return FakeCollector.http();
	}

	@Override
	String protocol() {
		return "http/protobuf";
	}

}
