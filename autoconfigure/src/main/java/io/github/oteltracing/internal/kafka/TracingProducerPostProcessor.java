package io.github.oteltracing.internal.kafka;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import io.github.oteltracing.internal.instrumentation.SpanFailures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.springframework.kafka.core.ProducerPostProcessor;

/**
 * Wraps each producer a {@code ProducerFactory} creates so that every send has a
 * PRODUCER span, ended when the broker acknowledges the record (with its partition and
 * offset) or the send fails. A dynamic proxy, so that it keeps working when a Kafka
 * client release adds methods to {@link Producer}.
 */
final class TracingProducerPostProcessor<K, V> implements ProducerPostProcessor<K, V> {

	private final KafkaSpans spans;

	TracingProducerPostProcessor(KafkaSpans spans) {
		this.spans = spans;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Producer<K, V> apply(Producer<K, V> producer) {
		if (Proxy.isProxyClass(producer.getClass())
				&& Proxy.getInvocationHandler(producer) instanceof TracingHandler) {
			return producer;
		}
		return (Producer<K, V>) Proxy.newProxyInstance(producer.getClass().getClassLoader(),
				new Class<?>[] { Producer.class }, new TracingHandler(producer, this.spans));
	}

	private static final class TracingHandler implements InvocationHandler {

		private final Producer<?, ?> delegate;

		private final KafkaSpans spans;

		TracingHandler(Producer<?, ?> delegate, KafkaSpans spans) {
			this.delegate = delegate;
			this.spans = spans;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("send") && args != null && args[0] instanceof ProducerRecord<?, ?> record) {
				return send(record, (args.length > 1) ? (Callback) args[1] : null);
			}
			return invokeDelegate(method, args);
		}

		@SuppressWarnings({ "rawtypes", "unchecked" })
		private Object send(ProducerRecord record, Callback callback) {
			Span span = this.spans.startSend(record);
			Callback ending = (metadata, exception) -> {
				end(span, metadata, exception);
				if (callback != null) {
					callback.onCompletion(metadata, exception);
				}
			};
			try (Scope scope = span.makeCurrent()) {
				return ((Producer) this.delegate).send(record, ending);
			}
			catch (RuntimeException | Error failure) {
				// Failed before the client took the record: the callback will not run.
				SpanFailures.record(span, failure);
				span.end();
				throw failure;
			}
		}

		private static void end(Span span, RecordMetadata metadata, Exception exception) {
			if (exception != null) {
				SpanFailures.record(span, exception);
			}
			else if (metadata != null && span.isRecording()) {
				span.setAttribute(MessagingAttributes.MESSAGING_DESTINATION_PARTITION_ID,
						String.valueOf(metadata.partition()));
				if (metadata.hasOffset()) {
					span.setAttribute(MessagingAttributes.MESSAGING_KAFKA_OFFSET, metadata.offset());
				}
			}
			span.end();
		}

		private Object invokeDelegate(Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(this.delegate, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
