package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The span exporter chosen by {@code tracing.exporter.type} and the batch processor that
 * feeds it, and any other exporter bean, off the application's threads, watched by a
 * {@link SpanExportMonitor}. After Spring Boot's Zipkin support, so that its exporter is
 * fed too.
 */
@AutoConfiguration(afterName = { SpringBootAutoConfigurations.ZIPKIN_3, SpringBootAutoConfigurations.ZIPKIN_4 },
		beforeName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_3, SpringBootAutoConfigurations.OTLP_TRACING_3,
				SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_4, SpringBootAutoConfigurations.OTLP_TRACING_4 })
@ConditionalOnClass(BatchSpanProcessor.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(ExporterProperties.class)
@Import({ SpanExportConfigurations.OtlpExporterConfiguration.class,
		SpanExportConfigurations.LoggingExporterConfiguration.class,
		SpanExportConfigurations.BatchProcessorConfiguration.class })
public final class SpanExportAutoConfiguration {

}
