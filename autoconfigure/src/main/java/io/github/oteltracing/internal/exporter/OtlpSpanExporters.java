package io.github.oteltracing.internal.exporter;

import java.util.function.Consumer;

import io.github.oteltracing.exporter.MissingGrpcSenderException;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Builds the SDK's OTLP span exporters from {@link OtlpExporterSettings}.
 */
public final class OtlpSpanExporters {

	private OtlpSpanExporters() {
	}

	/**
	 * Creates the exporter for the settings' protocol.
	 * @param settings the validated settings
	 * @param builderCustomizer called with the protocol's exporter builder before the
	 * exporter is built, after the settings are applied
	 * @return a new exporter
	 */
	public static SpanExporter create(OtlpExporterSettings settings, Consumer<Object> builderCustomizer) {
		String url = settings.exportUrl();
		String compression = settings.compression().toString();
		return switch (settings.protocol()) {
			case HTTP_PROTOBUF -> {
				OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
					.setEndpoint(url)
					.setCompression(compression)
					.setTimeout(settings.timeout());
				settings.headers().forEach(builder::addHeader);
				if (settings.trustedCertificatesPem() != null) {
					builder.setTrustedCertificates(settings.trustedCertificatesPem());
				}
				ClassLoader senders = JdkHttpSenderPreference.serviceClassLoader(OtlpHttpSpanExporter.class.getClassLoader());
				if (senders != null) {
					builder.setServiceClassLoader(senders);
				}
				builderCustomizer.accept(builder);
				yield builder.build();
			}
			case GRPC -> {
				OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
					.setEndpoint(url)
					.setCompression(compression)
					.setTimeout(settings.timeout());
				settings.headers().forEach(builder::addHeader);
				if (settings.trustedCertificatesPem() != null) {
					builder.setTrustedCertificates(settings.trustedCertificatesPem());
				}
				builderCustomizer.accept(builder);
				yield buildGrpc(builder, url);
			}
		};
	}

	private static SpanExporter buildGrpc(OtlpGrpcSpanExporterBuilder builder, String url) {
		try {
			return builder.build();
		}
		catch (IllegalStateException ex) {
			// OpenTelemetry's message names senders the application may not want; the analysis says which fits.
			if (String.valueOf(ex.getMessage()).startsWith("No GrpcSenderProvider found")) {
				throw new MissingGrpcSenderException(SpanExportTargets.safeUrl(url), ex);
			}
			throw ex;
		}
	}

}
