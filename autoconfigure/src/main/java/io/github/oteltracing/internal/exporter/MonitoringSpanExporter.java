package io.github.oteltracing.internal.exporter;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Records the outcome of every export with a {@link SpanExportMonitor}. The outcome is
 * taken when the exporter's result completes, which for the OTLP exporters is on their
 * own threads, after the batch processor may have stopped waiting.
 */
final class MonitoringSpanExporter implements SpanExporter {

	// The batch processor stops waiting for an export after its export timeout and starts
	// the next; should exports outlast it (a collector that hangs, an exporter timeout
	// longer than the processor's), later batches are dropped instead of piling up.
	static final int MAX_EXPORTS_IN_FLIGHT = 4;

	private final SpanExporter delegate;

	private final SpanExportMonitor monitor;

	private final AtomicInteger inFlight = new AtomicInteger();

	MonitoringSpanExporter(SpanExporter delegate, SpanExportMonitor monitor) {
		this.delegate = delegate;
		this.monitor = monitor;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		int count = spans.size();
		if (this.inFlight.incrementAndGet() > MAX_EXPORTS_IN_FLIGHT) {
			this.inFlight.decrementAndGet();
			this.monitor.failed(count, new IllegalStateException(MAX_EXPORTS_IN_FLIGHT
					+ " earlier exports are still in progress; the collector does not answer in time"));
			return CompletableResultCode.ofFailure();
		}
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			// Reported here, once a minute, instead of by the processor for every batch.
			this.inFlight.decrementAndGet();
			this.monitor.failed(count, ex);
			return CompletableResultCode.ofFailure();
		}
		result.whenComplete(() -> {
			this.inFlight.decrementAndGet();
			if (result.isSuccess()) {
				this.monitor.exported(count);
			}
			else {
				this.monitor.failed(count, result.getFailureThrowable());
			}
		});
		return result;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "MonitoringSpanExporter{" + this.delegate + "}";
	}

}
