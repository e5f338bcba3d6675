package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.oteltracing.env.OtelVariables;
import io.github.oteltracing.exporter.OtlpExporterSettings;
import io.github.oteltracing.exporter.OtlpSpanExporters;
import io.github.oteltracing.redaction.RedactingSpanExporter;
import io.github.oteltracing.redaction.SpanRedactor;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The span exporter chosen by {@code tracing.exporter.type} and the batch processor that
 * feeds it off the application's threads.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration" })
@ConditionalOnClass(BatchSpanProcessor.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(ExporterProperties.class)
public final class SpanExportAutoConfiguration {

	@Bean
	@ConditionalOnBean(SpanExporter.class)
	@ConditionalOnMissingBean
	BatchSpanProcessor tracingBatchSpanProcessor(SpanExporter exporter, ExporterProperties properties,
			ObjectProvider<SpanRedactor> redactor) {
		ExporterProperties.Batch batch = properties.getBatch();
		// Redacted off the application's threads, just before leaving the process.
		return BatchSpanProcessor.builder(RedactingSpanExporter.wrap(exporter, redactor.getIfAvailable()))
			.setMaxQueueSize(batch.getMaxQueueSize())
			.setMaxExportBatchSize(Math.min(batch.getMaxExportBatchSize(), batch.getMaxQueueSize()))
			.setScheduleDelay(batch.getScheduleDelay())
			.setExporterTimeout(batch.getExportTimeout())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OtlpHttpSpanExporter.class)
	@ConditionalOnProperty(prefix = "tracing.exporter", name = "type", havingValue = "otlp", matchIfMissing = true)
	static class OtlpExporterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpanExporter tracingOtlpSpanExporter(ExporterProperties properties, Environment environment) {
			ExporterProperties.Otlp otlp = properties.getOtlp();
			return OtlpSpanExporters.create(new OtlpExporterSettings(otlp.getProtocol(), otlp.getEndpoint(),
					OtelVariables.isTracesEndpoint(environment, "tracing.exporter.otlp.endpoint"), otlp.getHeaders(), otlp.getCompression(), otlp.getTimeout(),
					readTrustedCertificates(otlp.getTrustedCertificates())));
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

}
