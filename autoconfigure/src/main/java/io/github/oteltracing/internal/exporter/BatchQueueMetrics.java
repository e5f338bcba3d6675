package io.github.oteltracing.internal.exporter;

import java.util.Collection;
import java.util.function.Predicate;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.semconv.ErrorAttributes;

/**
 * The batch span processor's own metrics, read on demand: how many spans wait in its queue
 * and how many it dropped because the queue was full. Only the processor knows either, and
 * it tells them through the meter provider it is built with; this one is private to it.
 */
final class BatchQueueMetrics implements AutoCloseable {

	// Names of the SDK's default ("legacy") processor metrics, 1.49 and later.
	static final String QUEUE_SIZE = "queueSize";

	static final String PROCESSED_SPANS = "processedSpans";

	static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

	// Names of the semantic-convention metrics that newer SDKs emit when asked to.
	static final String SEMCONV_QUEUE_SIZE = "otel.sdk.processor.span.queue.size";

	static final String SEMCONV_PROCESSED_SPANS = "otel.sdk.processor.span.processed";

	static final AttributeKey<String> ERROR_TYPE = ErrorAttributes.ERROR_TYPE;

	private final OnDemandReader reader = new OnDemandReader();

	private final SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(this.reader).build();

	/**
	 * Returns the meter provider to build the batch span processor with.
	 * @return the meter provider
	 */
	MeterProvider meterProvider() {
		return this.meterProvider;
	}

	/**
	 * Collects the processor's metrics now.
	 * @return the current readings
	 */
	Readings read() {
		long queueSize = 0;
		long dropped = 0;
		long droppedSemconv = 0;
		for (MetricData metric : this.reader.collect()) {
			String name = metric.getName();
			if (QUEUE_SIZE.equals(name) || SEMCONV_QUEUE_SIZE.equals(name)) {
				queueSize = Math.max(queueSize, sum(metric.getData().getPoints(), (attributes) -> true));
			}
			else if (PROCESSED_SPANS.equals(name)) {
				dropped = sum(metric.getData().getPoints(),
						(attributes) -> Boolean.TRUE.equals(attributes.get(DROPPED)));
			}
			else if (SEMCONV_PROCESSED_SPANS.equals(name)) {
				droppedSemconv = sum(metric.getData().getPoints(),
						(attributes) -> "queue_full".equals(attributes.get(ERROR_TYPE)));
			}
		}
		// A processor emits one of the two sets; should both appear they count the same spans.
		return new Readings(queueSize, Math.max(dropped, droppedSemconv));
	}

	private static long sum(Collection<? extends PointData> points, Predicate<Attributes> filter) {
		long total = 0;
		for (PointData point : points) {
			if (point instanceof LongPointData longPoint && filter.test(point.getAttributes())) {
				total += longPoint.getValue();
			}
		}
		return total;
	}

	@Override
	public void close() {
		this.meterProvider.close();
	}

	/**
	 * The processor's metrics at one moment.
	 *
	 * @param queueSize spans waiting in the queue
	 * @param droppedQueueFull spans dropped so far because the queue was full
	 */
	record Readings(long queueSize, long droppedQueueFull) {

	}

	/**
	 * Collects only when asked: no thread, no schedule.
	 */
	private static final class OnDemandReader implements MetricReader {

		private volatile CollectionRegistration registration = CollectionRegistration.noop();

		@Override
		public void register(CollectionRegistration registration) {
			this.registration = registration;
		}

		Collection<MetricData> collect() {
			return this.registration.collectAllMetrics();
		}

		@Override
		public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
			return AggregationTemporality.CUMULATIVE;
		}

		@Override
		public CompletableResultCode forceFlush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			this.registration = CollectionRegistration.noop();
			return CompletableResultCode.ofSuccess();
		}

	}

}
