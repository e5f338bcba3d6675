package io.github.oteltracing.health;

import io.github.oteltracing.exporter.SpanExportMonitor;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Shows the state of the span export under {@code /actuator/health/tracing} on Spring
 * Boot 3, always {@code UP}, with the {@link SpanExportHealth details}. Spring Boot 4 gets
 * the same from {@link SpanExportHealth} through its own health API.
 */
public class SpanExportHealthIndicator implements HealthIndicator {

	private final SpanExportMonitor monitor;

	public SpanExportHealthIndicator(SpanExportMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		return Health.up().withDetails(SpanExportHealth.details(this.monitor)).build();
	}

}
