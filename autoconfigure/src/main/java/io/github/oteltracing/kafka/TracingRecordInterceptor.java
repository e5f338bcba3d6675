package io.github.oteltracing.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Processes each record in a CONSUMER span that continues the trace the record carries,
 * current while the listener (and the application's own interceptor, called inside it)
 * runs.
 */
final class TracingRecordInterceptor<K, V> implements RecordInterceptor<K, V> {

	private final KafkaSpans spans;

	private final RecordInterceptor<K, V> delegate;

	TracingRecordInterceptor(KafkaSpans spans, RecordInterceptor<K, V> delegate) {
		this.spans = spans;
		this.delegate = delegate;
	}

	@Override
	public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		Processing.start(this.spans.startProcess(record, Processing.groupOf(consumer)));
		return (this.delegate != null) ? this.delegate.intercept(record, consumer) : record;
	}

	@Override
	public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		try {
			if (this.delegate != null) {
				this.delegate.success(record, consumer);
			}
		}
		finally {
			Processing.end(null);
		}
	}

	@Override
	public void failure(ConsumerRecord<K, V> record, Exception exception, Consumer<K, V> consumer) {
		try {
			if (this.delegate != null) {
				this.delegate.failure(record, exception, consumer);
			}
		}
		finally {
			Processing.end(exception);
		}
	}

	@Override
	public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		if (this.delegate != null) {
			this.delegate.afterRecord(record, consumer);
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
