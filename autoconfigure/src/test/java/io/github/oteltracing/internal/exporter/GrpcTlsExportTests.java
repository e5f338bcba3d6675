package io.github.oteltracing.internal.exporter;

import javax.net.ssl.KeyManagerFactory;

/**
 * {@link TlsExportTests} over OTLP gRPC, with the gRPC sender the README tells grpc users
 * to add.
 */
class GrpcTlsExportTests extends TlsExportTests {

	@Override
	FakeCollector createCollector(KeyManagerFactory serverCertificate) {
		return FakeCollector.grpc(serverCertificate);
	}

	@Override
	String protocol() {
		return "grpc";
	}

}
