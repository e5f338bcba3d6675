package io.github.oteltracing.health;

import java.time.Instant;

import io.github.oteltracing.exporter.SpanExportMonitor;
import io.github.oteltracing.exporter.SpanExportStatus;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Shows the state of the span export under {@code /actuator/health/tracing}: where spans
 * go, the last success and failure, and what was exported and dropped.
 *
 * <p>The status is always {@code UP}: a collector that is away costs spans, not requests,
 * so it must never take the application out of a load balancer or get it restarted. The
 * {@code state} detail ({@code ok}, {@code failing}, {@code idle}) tells the export's own
 * health.
 */
public class SpanExportHealthIndicator implements HealthIndicator {

	private final SpanExportMonitor monitor;

	public SpanExportHealthIndicator(SpanExportMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		Health.Builder builder = Health.up();
		try {
			SpanExportStatus status = this.monitor.status();
			builder.withDetail("state", status.state()).withDetail("endpoint", status.target());
			withInstant(builder, "lastSuccess", status.lastSuccess());
			withInstant(builder, "lastFailure", status.lastFailure());
			if (status.lastFailureCause() != null) {
				builder.withDetail("lastFailureCause", status.lastFailureCause());
			}
			builder.withDetail("consecutiveFailures", status.consecutiveFailures())
				.withDetail("spansExported", status.spansExported())
				.withDetail("spansDropped", status.spansDropped())
				.withDetail("exportFailures", status.exportFailures())
				.withDetail("queueSize", status.queueSize())
				.withDetail("queueCapacity", status.queueCapacity());
		}
		catch (RuntimeException ex) {
			// Reading the export's state must not make the application look unhealthy either.
			builder.withDetail("state", "unknown").withDetail("error", ex.toString());
		}
		return builder.build();
	}

	private static void withInstant(Health.Builder builder, String key, Instant instant) {
		if (instant != null) {
			builder.withDetail(key, instant.toString());
		}
	}

}
