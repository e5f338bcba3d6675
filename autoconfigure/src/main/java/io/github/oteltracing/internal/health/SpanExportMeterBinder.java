package io.github.oteltracing.internal.health;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The span export's meters: {@code tracing.spans.exported}, {@code tracing.spans.dropped}
 * (tagged {@code reason}: {@code queue-full} or {@code export-failed}),
 * {@code tracing.export.failures}, and the gauges {@code tracing.export.queue.size} and
 * {@code tracing.export.queue.capacity}. Values are read from the
 * {@link SpanExportMonitor} when the registry asks, so recording costs nothing extra.
 */
public class SpanExportMeterBinder implements MeterBinder {

	private final SpanExportMonitor monitor;

	/**
	 * Creates the binder.
	 * @param monitor the export monitor whose counts become meters
	 */
	public SpanExportMeterBinder(SpanExportMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("tracing.spans.exported", this.monitor, SpanExportMonitor::spansExported)
			.description("Spans delivered by the exporter")
			.register(registry);
		FunctionCounter.builder("tracing.spans.dropped", this.monitor, SpanExportMonitor::spansDroppedQueueFull)
			.tag("reason", "queue-full")
			.description("Spans dropped because the export queue was full")
			.register(registry);
		FunctionCounter.builder("tracing.spans.dropped", this.monitor, SpanExportMonitor::spansDroppedExportFailed)
			.tag("reason", "export-failed")
			.description("Spans lost because their export failed")
			.register(registry);
		FunctionCounter.builder("tracing.export.failures", this.monitor, SpanExportMonitor::exportFailures)
			.description("Failed span exports")
			.register(registry);
		Gauge.builder("tracing.export.queue.size", this.monitor, SpanExportMonitor::queueSize)
			.description("Spans waiting for export")
			.register(registry);
		Gauge.builder("tracing.export.queue.capacity", this.monitor, SpanExportMonitor::queueCapacity)
			.description("Most spans that can wait for export; beyond it new spans are dropped")
			.register(registry);
	}

}
