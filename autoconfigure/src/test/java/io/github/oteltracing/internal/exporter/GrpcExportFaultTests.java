package io.github.oteltracing.internal.exporter;

/**
 * {@link ExportFaultTests} over OTLP gRPC.
 */
class GrpcExportFaultTests extends ExportFaultTests {

	@Override
	FakeCollector createCollector() {
		return FakeCollector.grpc();
	}

	@Override
	String protocol() {
		return "grpc";
	}

}
