package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.internal.health.SpanExportMeterBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The span export's Micrometer meters ({@code tracing.spans.exported},
 * {@code tracing.spans.dropped}, {@code tracing.export.failures},
 * {@code tracing.export.queue.size}), where a {@link MeterRegistry} exists. Spring Boot
 * binds the {@link MeterBinder} to its registries.
 */
@AutoConfiguration(after = SpanExportAutoConfiguration.class, afterName = {
		SpringBootAutoConfigurations.METRICS_3, SpringBootAutoConfigurations.COMPOSITE_METER_REGISTRY_3,
		SpringBootAutoConfigurations.METRICS_4, SpringBootAutoConfigurations.COMPOSITE_METER_REGISTRY_4 })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean({ SpanExportMonitor.class, MeterRegistry.class })
public final class ExportMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpanExportMeterBinder tracingSpanExportMeterBinder(SpanExportMonitor monitor) {
		return new SpanExportMeterBinder(monitor);
	}

}
