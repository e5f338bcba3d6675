package io.github.oteltracing.internal.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Processes each record in a CONSUMER span that continues the trace the record carries,
 * current while the listener (and the application's own interceptor, called inside it)
 * runs.
 */
final class TracingRecordInterceptor<K, V> extends ProcessingInterceptor<RecordInterceptor<K, V>>
		implements RecordInterceptor<K, V> {

	TracingRecordInterceptor(KafkaSpans spans, RecordInterceptor<K, V> delegate) {
		super(spans, delegate);
	}

	@Override
	public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		Processing.start(this.spans.startProcess(record, Processing.groupOf(consumer)));
		return (this.delegate != null) ? this.delegate.intercept(record, consumer) : record;
	}

	@Override
	public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		endAfter((delegate) -> delegate.success(record, consumer), null);
	}

	@Override
	public void failure(ConsumerRecord<K, V> record, Exception exception, Consumer<K, V> consumer) {
		endAfter((delegate) -> delegate.failure(record, exception, consumer), exception);
	}

	@Override
	public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		if (this.delegate != null) {
			this.delegate.afterRecord(record, consumer);
		}
	}

}
