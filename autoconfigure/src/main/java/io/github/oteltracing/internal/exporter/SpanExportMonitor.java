package io.github.oteltracing.internal.exporter;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Watches the starter's span export: counts exported spans, dropped spans and failed
 * exports, remembers the last success and failure, and logs failures at most once a
 * minute. The Micrometer meters and the health indicator read it. Thread-safe; recording
 * happens on the batch processor's and the exporter's threads, never on application
 * threads.
 *
 * <p>Give the batch span processor {@link #monitor(SpanExporter) the monitored exporter}
 * and {@link #batchProcessorMeterProvider() the meter provider}, through which it reports
 * its queue and the spans it drops when the queue is full.
 */
public final class SpanExportMonitor implements AutoCloseable {

	private final String target;

	private final int queueCapacity;

	private final Clock clock;

	private final BatchQueueMetrics queueMetrics = new BatchQueueMetrics();

	private final ExportFailureLog failureLog;

	private final LongAdder spansExported = new LongAdder();

	private final LongAdder spansFailed = new LongAdder();

	private final LongAdder exportFailures = new LongAdder();

	private final AtomicLong consecutiveFailures = new AtomicLong();

	private volatile Instant lastSuccess;

	private volatile Failure lastFailure;

	/**
	 * Creates a monitor.
	 * @param target where spans go, such as the export URL; credentials and query values
	 * in it are removed, so that they reach neither logs nor endpoints
	 * @param queueCapacity the batch processor's maximum queue size
	 */
	public SpanExportMonitor(String target, int queueCapacity) {
		this(target, queueCapacity, Clock.systemUTC());
	}

	SpanExportMonitor(String target, int queueCapacity, Clock clock) {
		this.target = SpanExportTargets.safeUrl(target);
		this.queueCapacity = queueCapacity;
		this.clock = clock;
		this.failureLog = new ExportFailureLog(this.target, clock);
	}

	/**
	 * Wraps an exporter so that the outcome of each export is recorded.
	 * @param exporter the exporter that sends the spans
	 * @return the exporter to give the batch span processor
	 */
	public SpanExporter monitor(SpanExporter exporter) {
		return new MonitoringSpanExporter(exporter, this);
	}

	/**
	 * Returns the meter provider to build the batch span processor with
	 * ({@link BatchSpanProcessorBuilder#setMeterProvider(MeterProvider)}): it is private to
	 * this monitor and only counts what the processor reports.
	 * @return the meter provider
	 */
	public MeterProvider batchProcessorMeterProvider() {
		return this.queueMetrics.meterProvider();
	}

	/**
	 * Returns the destination of the spans, without credentials.
	 * @return the export URL or the exporter's name
	 */
	public String target() {
		return this.target;
	}

	/**
	 * Returns the batch processor's maximum queue size.
	 * @return the queue capacity
	 */
	public int queueCapacity() {
		return this.queueCapacity;
	}

	/**
	 * Returns the spans exported so far.
	 * @return the count
	 */
	public long spansExported() {
		return this.spansExported.sum();
	}

	/**
	 * Returns the spans lost so far in failed exports.
	 * @return the count
	 */
	public long spansDroppedExportFailed() {
		return this.spansFailed.sum();
	}

	/**
	 * Returns the spans the batch processor dropped so far because its queue was full.
	 * @return the count
	 */
	public long spansDroppedQueueFull() {
		return this.queueMetrics.read().droppedQueueFull();
	}

	/**
	 * Returns the failed exports so far.
	 * @return the count
	 */
	public long exportFailures() {
		return this.exportFailures.sum();
	}

	/**
	 * Returns the number of spans waiting for export now.
	 * @return the queue size
	 */
	public long queueSize() {
		return this.queueMetrics.read().queueSize();
	}

	/**
	 * Returns a snapshot of the export's state.
	 * @return the status
	 */
	public SpanExportStatus status() {
		BatchQueueMetrics.Readings queue = this.queueMetrics.read();
		Failure failure = this.lastFailure;
		return new SpanExportStatus(this.target, this.lastSuccess, (failure != null) ? failure.at() : null,
				(failure != null) ? failure.cause() : null, this.consecutiveFailures.get(), spansExported(),
				queue.droppedQueueFull(), spansDroppedExportFailed(), exportFailures(), queue.queueSize(),
				this.queueCapacity);
	}

	void exported(int spans) {
		this.spansExported.add(spans);
		this.lastSuccess = this.clock.instant();
		this.consecutiveFailures.set(0);
		this.failureLog.succeeded(exportFailures());
	}

	void failed(int spans, Throwable cause) {
		this.spansFailed.add(spans);
		this.exportFailures.increment();
		this.consecutiveFailures.incrementAndGet();
		this.lastFailure = new Failure(this.clock.instant(), ExportFailureLog.describe(cause));
		this.failureLog.failed(cause, exportFailures(),
				() -> spansDroppedExportFailed() + this.queueMetrics.read().droppedQueueFull());
	}

	@Override
	public void close() {
		this.queueMetrics.close();
	}

	@Override
	public String toString() {
		return "SpanExportMonitor{target=" + this.target + "}";
	}

	private record Failure(Instant at, String cause) {

	}

}
