package io.github.oteltracing.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Processes each batch in one CONSUMER span linked to the context of every record in
 * it, current while the batch listener runs.
 */
final class TracingBatchInterceptor<K, V> implements BatchInterceptor<K, V> {

	private final KafkaSpans spans;

	private final BatchInterceptor<K, V> delegate;

	TracingBatchInterceptor(KafkaSpans spans, BatchInterceptor<K, V> delegate) {
		this.spans = spans;
		this.delegate = delegate;
	}

	@Override
	public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		Processing.start(this.spans.startBatch(records, records.count(), Processing.groupOf(consumer)));
		return (this.delegate != null) ? this.delegate.intercept(records, consumer) : records;
	}

	@Override
	public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		try {
			if (this.delegate != null) {
				this.delegate.success(records, consumer);
			}
		}
		finally {
			Processing.end(null);
		}
	}

	@Override
	public void failure(ConsumerRecords<K, V> records, Exception exception, Consumer<K, V> consumer) {
		try {
			if (this.delegate != null) {
				this.delegate.failure(records, exception, consumer);
			}
		}
		finally {
			Processing.end(exception);
		}
	}

	@Override
	public void setupThreadState(Consumer<?, ?> consumer) {
		if (this.delegate != null) {
			this.delegate.setupThreadState(consumer);
		}
	}

	@Override
	public void clearThreadState(Consumer<?, ?> consumer) {
		Processing.end(null);
		if (this.delegate != null) {
			this.delegate.clearThreadState(consumer);
		}
	}

}
