package io.github.oteltracing.internal.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Processes each batch in one CONSUMER span linked to the context of every record in
 * it, current while the batch listener runs.
 */
final class TracingBatchInterceptor<K, V> extends ProcessingInterceptor<BatchInterceptor<K, V>>
		implements BatchInterceptor<K, V> {

	TracingBatchInterceptor(KafkaSpans spans, BatchInterceptor<K, V> delegate) {
		super(spans, delegate);
	}

	@Override
	public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		Processing.start(this.spans.startBatch(records, records.count(), Processing.groupOf(consumer)));
		return (this.delegate != null) ? this.delegate.intercept(records, consumer) : records;
	}

	@Override
	public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		endAfter((delegate) -> delegate.success(records, consumer), null);
	}

	@Override
	public void failure(ConsumerRecords<K, V> records, Exception exception, Consumer<K, V> consumer) {
		endAfter((delegate) -> delegate.failure(records, exception, consumer), exception);
	}

}
