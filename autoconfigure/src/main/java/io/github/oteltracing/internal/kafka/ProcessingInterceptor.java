package io.github.oteltracing.internal.kafka;

import org.apache.kafka.clients.consumer.Consumer;

import org.springframework.kafka.listener.ThreadStateProcessor;

/**
 * What the record and batch interceptors share: the application's interceptor they wrap,
 * and the processing span ending once that interceptor has had its say.
 */
abstract class ProcessingInterceptor<D extends ThreadStateProcessor> implements ThreadStateProcessor {

	final KafkaSpans spans;

	final D delegate;

	ProcessingInterceptor(KafkaSpans spans, D delegate) {
		this.spans = spans;
		this.delegate = delegate;
	}

	/**
	 * Calls the application's interceptor, if any, then ends the processing span.
	 */
	void endAfter(java.util.function.Consumer<D> call, Exception failure) {
		try {
			if (this.delegate != null) {
				call.accept(this.delegate);
			}
		}
		finally {
			Processing.end(failure);
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
