package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.oteltracing.exporter.OtlpProtocol;
import io.github.oteltracing.internal.boot.SpringBootGeneration.Callback;
import io.github.oteltracing.internal.boot.SpringBootTypes;
import io.github.oteltracing.internal.exporter.OtlpExporterSettings;
import io.github.oteltracing.internal.exporter.OtlpSpanExporters;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.internal.exporter.SpanExportTargets;
import io.github.oteltracing.internal.micrometer.MicrometerSpanExportHooks;
import io.github.oteltracing.redaction.RedactingSpanExporter;
import io.github.oteltracing.redaction.SpanRedactor;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.BeanFactory;
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
 * starter's exporter first, so that the batch processor finds it. The batch processor
 * exports to every {@link SpanExporter} bean, as Spring Boot's does: the starter's own
 * (from {@code tracing.exporter.type}), the application's and Spring Boot's (Zipkin).
 * The starter's backs off only for an application's exporter of the same kind.
 */
final class SpanExportConfigurations {

	private SpanExportConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OtlpHttpSpanExporter.class)
	@ConditionalOnProperty(prefix = "tracing.exporter", name = "type", havingValue = "otlp", matchIfMissing = true)
	@ConditionalOnMissingBean({ OtlpHttpSpanExporter.class, OtlpGrpcSpanExporter.class })
	static class OtlpExporterConfiguration {

		@Bean
		OtlpExporterSettings tracingOtlpExporterSettings(ExporterProperties properties, Environment environment) {
			ExporterProperties.Otlp otlp = properties.getOtlp();
			return new OtlpExporterSettings(otlp.getProtocol(), otlp.getEndpoint(),
					OtelVariables.isTracesEndpoint(environment, "tracing.exporter.otlp.endpoint"), otlp.getHeaders(),
					otlp.getCompression(), otlp.getTimeout(), readTrustedCertificates(otlp.getTrustedCertificates()));
		}

		// Spring Boot's builder customizers apply to the starter's exporter, which replaces its own.
		@Bean
		SpanExporter tracingOtlpSpanExporter(OtlpExporterSettings settings, BeanFactory beanFactory) {
			Callback customizer = (settings.protocol() == OtlpProtocol.GRPC) ? Callback.OTLP_GRPC_SPAN_EXPORTER_BUILDER
					: Callback.OTLP_HTTP_SPAN_EXPORTER_BUILDER;
			return OtlpSpanExporters.create(settings,
					(builder) -> SpringBootTypes.applyCallbacks(beanFactory, customizer, builder));
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
		LoggingSpanExporter tracingLoggingSpanExporter() {
			return LoggingSpanExporter.create();
		}

	}

	/**
	 * The batch processor, unless the application has its own. It exports to every
	 * exporter bean at once, behind Micrometer's export hooks where the application has
	 * any; what it exports is redacted first (where a {@link SpanRedactor} exists), and
	 * every outcome is reported to the monitor; the processor reports its queue and
	 * dropped spans to the monitor too.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(SpanExporter.class)
	@ConditionalOnMissingBean(BatchSpanProcessor.class)
	static class BatchProcessorConfiguration {

		@Bean
		SpanExportMonitor tracingSpanExportMonitor(ObjectProvider<SpanExporter> exporters,
				ExporterProperties properties, ObjectProvider<OtlpExporterSettings> otlpSettings) {
			String target = SpanExportTargets.describe(exporters.orderedStream().toList(),
					otlpSettings.getIfAvailable());
			return new SpanExportMonitor(target, properties.getBatch().getMaxQueueSize());
		}

		@Bean
		BatchSpanProcessor tracingBatchSpanProcessor(ObjectProvider<SpanExporter> exporters,
				SpanExportMonitor monitor, ExporterProperties properties, ObjectProvider<SpanRedactor> redactor,
				BeanFactory beanFactory) {
			ExporterProperties.Batch batch = properties.getBatch();
			SpanExporter all = MicrometerSpanExportHooks
				.apply(SpanExporter.composite(exporters.orderedStream().toList()), beanFactory);
			SpanExporter redacting = RedactingSpanExporter.wrap(all, redactor.getIfAvailable());
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
