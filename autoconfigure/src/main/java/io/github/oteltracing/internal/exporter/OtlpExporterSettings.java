package io.github.oteltracing.internal.exporter;

import java.time.Duration;
import java.util.Map;

import io.github.oteltracing.exporter.OtlpCompression;
import io.github.oteltracing.exporter.OtlpProtocol;

/**
 * What an OTLP span exporter needs, already validated.
 *
 * @param protocol the transport
 * @param endpoint the configured endpoint, or {@code null} for the protocol's default
 * @param endpointAsIs whether the endpoint is the full traces URL, used without changes
 * @param headers headers sent with every export, such as API keys
 * @param compression request compression
 * @param timeout time limit of one export
 * @param trustedCertificatesPem PEM bytes of a private CA, or {@code null}
 */
public record OtlpExporterSettings(OtlpProtocol protocol, String endpoint, boolean endpointAsIs,
		Map<String, String> headers, OtlpCompression compression, Duration timeout, byte[] trustedCertificatesPem) {

	/**
	 * Returns the URL the exporter sends to.
	 * @return the export URL
	 */
	public String exportUrl() {
		return (this.endpointAsIs && this.endpoint != null && !this.endpoint.isBlank()) ? this.endpoint.strip()
				: this.protocol.exportUrl(this.endpoint);
	}

	@Override
	public String toString() {
		// Headers often carry credentials: only their names are shown.
		return "OtlpExporterSettings{protocol=" + this.protocol + ", endpoint=" + exportUrl()
				+ ", headers=" + this.headers.keySet() + ", compression=" + this.compression + ", timeout="
				+ this.timeout + "}";
	}

}
