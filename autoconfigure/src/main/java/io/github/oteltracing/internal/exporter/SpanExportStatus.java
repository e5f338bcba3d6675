package io.github.oteltracing.internal.exporter;

import java.time.Instant;

/**
 * What the starter's span export has done so far: a snapshot taken by
 * {@link SpanExportMonitor#status()}.
 *
 * @param target where spans go: the export URL without credentials, or the exporter's name
 * @param lastSuccess when an export last succeeded, or {@code null}
 * @param lastFailure when an export last failed, or {@code null}
 * @param lastFailureCause why it failed, or {@code null}
 * @param consecutiveFailures exports failed since the last success
 * @param spansExported spans the exporter delivered
 * @param spansDroppedQueueFull spans dropped because the queue was full
 * @param spansDroppedExportFailed spans lost in failed exports
 * @param exportFailures failed exports
 * @param queueSize spans waiting for export now
 * @param queueCapacity the most spans that can wait for export
 */
public record SpanExportStatus(String target, Instant lastSuccess, Instant lastFailure, String lastFailureCause,
		long consecutiveFailures, long spansExported, long spansDroppedQueueFull, long spansDroppedExportFailed,
		long exportFailures, long queueSize, int queueCapacity) {

	/**
	 * Returns the state of the export in a word: {@code idle} before the first export
	 * finished, {@code failing} while exports fail, {@code ok} otherwise.
	 * @return the state
	 */
	public String state() {
		if (this.consecutiveFailures > 0) {
			return "failing";
		}
		return (this.lastSuccess != null) ? "ok" : "idle";
	}

	/**
	 * Returns all spans that never reached the exporter's destination.
	 * @return spans dropped because the queue was full or their export failed
	 */
	public long spansDropped() {
		return this.spansDroppedQueueFull + this.spansDroppedExportFailed;
	}

}
