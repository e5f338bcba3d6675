package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.oteltracing.env.OtelVariables;
import io.github.oteltracing.exporter.OtlpExporterSettings;
import io.github.oteltracing.exporter.OtlpSpanExporters;
import io.github.oteltracing.exporter.SpanExportMonitor;
import io.github.oteltracing.redaction.RedactingSpanExporter;
import io.github.oteltracing.redaction.SpanRedactor;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The configurations that {@link SpanExportAutoConfiguration} imports, in order: the
 * exporter first, so that the batch processor finds it.
 */
final class SpanExportConfigurations {

	private SpanExportConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OtlpHttpSpanExporter.class)
	@ConditionalOnProperty(prefix = "tracing.exporter", name = "type", havingValue = "otlp", matchIfMissing = true)
	@ConditionalOnMissingBean(SpanExporter.class)
	static class OtlpExporterConfiguration {

		@Bean
		OtlpExporterSettings tracingOtlpExporterSettings(ExporterProperties properties, Environment environment) {
			ExporterProperties.Otlp otlp = properties.getOtlp();
			return new OtlpExporterSettings(otlp.getProtocol(), otlp.getEndpoint(),
					OtelVariables.isTracesEndpoint(environment, "tracing.exporter.otlp.endpoint"), otlp.getHeaders(),
					otlp.getCompression(), otlp.getTimeout(), readTrustedCertificates(otlp.getTrustedCertificates()));
		}

		@Bean
		SpanExporter tracingOtlpSpanExporter(OtlpExporterSettings settings) {
			return OtlpSpanExporters.create(settings);
		}

		private static byte[] readTrustedCertificates(String path) {
			if (path == null || path.isBlank()) {
				return null;
			}
			try {
				return Files.readAllBytes(Path.of(path.strip()));
			}
			catch (IOException | RuntimeException ex) {
				throw new InvalidPropertyValueException("tracing.exporter.otlp.trusted-certificates", path,
						"cannot be read (" + ex + ")", "the path of a readable PEM file");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LoggingSpanExporter.class)
	@ConditionalOnProperty(prefix = "tracing.exporter", name = "type", havingValue = "logging")
	static class LoggingExporterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpanExporter tracingLoggingSpanExporter() {
			return LoggingSpanExporter.create();
		}

	}

	/**
	 * The batch processor, unless the application has its own. Its exporter redacts
	 * secrets (where a {@link SpanRedactor} exists) and reports every outcome to the
	 * monitor; the processor reports its queue and dropped spans to the monitor too.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(SpanExporter.class)
	@ConditionalOnMissingBean(BatchSpanProcessor.class)
	static class BatchProcessorConfiguration {

		@Bean
		SpanExportMonitor tracingSpanExportMonitor(SpanExporter exporter, ExporterProperties properties,
				ObjectProvider<OtlpExporterSettings> otlpSettings) {
			OtlpExporterSettings settings = otlpSettings.getIfAvailable();
			String target = (settings != null) ? settings.exportUrl() : exporter.getClass().getSimpleName();
			return new SpanExportMonitor(target, properties.getBatch().getMaxQueueSize());
		}

		@Bean
		BatchSpanProcessor tracingBatchSpanProcessor(SpanExporter exporter, SpanExportMonitor monitor,
				ExporterProperties properties, ObjectProvider<SpanRedactor> redactor) {
			ExporterProperties.Batch batch = properties.getBatch();
			SpanExporter redacting = RedactingSpanExporter.wrap(exporter, redactor.getIfAvailable());
			return BatchSpanProcessor.builder(monitor.monitor(redacting))
				.setMaxQueueSize(batch.getMaxQueueSize())
				.setMaxExportBatchSize(Math.min(batch.getMaxExportBatchSize(), batch.getMaxQueueSize()))
				.setScheduleDelay(batch.getScheduleDelay())
				.setExporterTimeout(batch.getExportTimeout())
				.setMeterProvider(monitor.batchProcessorMeterProvider())
				.build();
		}

	}

}
