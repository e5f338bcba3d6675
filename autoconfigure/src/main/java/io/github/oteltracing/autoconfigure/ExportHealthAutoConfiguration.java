package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.exporter.SpanExportMonitor;
import io.github.oteltracing.health.SpanExportHealthIndicator;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code tracing} health contributor, where Spring Boot's actuator is present: the
 * state of the span export, always {@code UP}. Off with
 * {@code management.health.tracing.enabled=false}.
 */
@AutoConfiguration(after = SpanExportAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SpanExportMonitor.class)
@ConditionalOnEnabledHealthIndicator("tracing")
public final class ExportHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tracingHealthIndicator")
	SpanExportHealthIndicator tracingHealthIndicator(SpanExportMonitor monitor) {
		return new SpanExportHealthIndicator(monitor);
	}

}
