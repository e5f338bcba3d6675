package io.github.oteltracing.internal.exporter;

import javax.net.ssl.KeyManagerFactory;

/**
 * {@link TlsExportTests} over OTLP http/protobuf, sent with the JDK's {@code HttpClient}.
 */
class HttpTlsExportTests extends TlsExportTests {

	@Override
	FakeCollector createCollector(KeyManagerFactory serverCertificate) {
		return FakeCollector.http(serverCertificate);
	}

	@Override
	String protocol() {
		return "http/protobuf";
	}

}
