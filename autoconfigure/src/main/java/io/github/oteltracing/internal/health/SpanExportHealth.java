package io.github.oteltracing.internal.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.internal.exporter.SpanExportStatus;

/**
 * The details of the {@code tracing} health contributor, the same for every Spring Boot
 * generation: where spans go, the last success and failure, and what was exported and
 * dropped.
 *
 * <p>The status is always {@code UP}: a collector that is away costs spans, not requests,
 * so it must never take the application out of a load balancer or get it restarted. The
 * {@code state} detail ({@code ok}, {@code failing}, {@code idle}) tells the export's own
 * health.
 */
public final class SpanExportHealth {

	private SpanExportHealth() {
	}

	/**
	 * Reads the export's state.
	 * @param monitor the export monitor
	 * @return the details, in the order they are shown
	 */
	public static Map<String, Object> details(SpanExportMonitor monitor) {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			SpanExportStatus status = monitor.status();
			details.put("state", status.state());
			details.put("endpoint", status.target());
			putInstant(details, "lastSuccess", status.lastSuccess());
			putInstant(details, "lastFailure", status.lastFailure());
			if (status.lastFailureCause() != null) {
				details.put("lastFailureCause", status.lastFailureCause());
			}
			details.put("consecutiveFailures", status.consecutiveFailures());
			details.put("spansExported", status.spansExported());
			details.put("spansDropped", status.spansDropped());
			details.put("exportFailures", status.exportFailures());
			details.put("queueSize", status.queueSize());
			details.put("queueCapacity", status.queueCapacity());
		}
		catch (RuntimeException ex) {
			// Reading the export's state must not make the application look unhealthy either.
			details.clear();
			details.put("state", "unknown");
			details.put("error", ex.toString());
		}
		return details;
	}

	private static void putInstant(Map<String, Object> details, String key, Instant instant) {
		if (instant != null) {
			details.put(key, instant.toString());
		}
	}

}
