package io.github.oteltracing.exporter;

import java.time.Duration;
import java.util.Map;

/**
 * What an OTLP span exporter needs, already validated.
 *
 * @param protocol the transport
 * @param endpoint the configured endpoint, or {@code null} for the protocol's default
 * @param headers headers sent with every export, such as API keys
 * @param compression request compression
 * @param timeout time limit of one export
 * @param trustedCertificatesPem PEM bytes of a private CA, or {@code null}
 */
public record OtlpExporterSettings(OtlpProtocol protocol, String endpoint, Map<String, String> headers,
		OtlpCompression compression, Duration timeout, byte[] trustedCertificatesPem) {

	@Override
	public String toString() {
		// Headers often carry credentials: only their names are shown.
		return "OtlpExporterSettings{protocol=" + this.protocol + ", endpoint=" + this.protocol.exportUrl(this.endpoint)
				+ ", headers=" + this.headers.keySet() + ", compression=" + this.compression + ", timeout="
				+ this.timeout + "}";
	}

}
