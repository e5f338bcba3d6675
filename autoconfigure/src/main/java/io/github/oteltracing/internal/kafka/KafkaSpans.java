package io.github.oteltracing.internal.kafka;

import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Starts the spans of Kafka sends and of listener processing, by the messaging semantic
 * conventions, with the application's tracer and propagators.
 */
final class KafkaSpans {

	static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.kafka";

	private final LazyTracer tracing;

	private final boolean recordMessageKey;

	KafkaSpans(ObjectProvider<OpenTelemetry> openTelemetry, boolean recordMessageKey) {
		this.tracing = new LazyTracer(openTelemetry::getObject, INSTRUMENTATION_SCOPE);
		this.recordMessageKey = recordMessageKey;
	}

	/**
	 * Starts the PRODUCER span of a send, a child of the current span, and writes its
	 * context into the record's headers.
	 */
	Span startSend(ProducerRecord<?, ?> record) {
		SpanBuilder builder = this.tracing.tracer().spanBuilder(MessagingAttributes.SEND + " " + record.topic())
			.setSpanKind(SpanKind.PRODUCER)
			.setAttribute(MessagingAttributes.MESSAGING_SYSTEM, MessagingAttributes.KAFKA)
			.setAttribute(MessagingAttributes.MESSAGING_DESTINATION_NAME, record.topic())
			.setAttribute(MessagingAttributes.MESSAGING_OPERATION_TYPE, MessagingAttributes.SEND)
			.setAttribute(MessagingAttributes.MESSAGING_OPERATION_NAME, MessagingAttributes.SEND);
		if (record.partition() != null) {
			builder.setAttribute(MessagingAttributes.MESSAGING_DESTINATION_PARTITION_ID,
					String.valueOf(record.partition()));
		}
		setKey(builder, record.key());
		Span span = builder.startSpan();
		this.tracing.propagator().inject(Context.current().with(span), record.headers(), RecordHeaderCarrier.INSTANCE);
		return span;
	}

	/**
	 * Starts the CONSUMER span of processing one record, a child of the context the
	 * record carries, if any.
	 */
	Span startProcess(ConsumerRecord<?, ?> record, String consumerGroup) {
		SpanBuilder builder = processSpan(record.topic(), consumerGroup)
			.setParent(extract(record.headers()))
			.setAttribute(MessagingAttributes.MESSAGING_DESTINATION_PARTITION_ID, String.valueOf(record.partition()))
			.setAttribute(MessagingAttributes.MESSAGING_KAFKA_OFFSET, record.offset());
		setKey(builder, record.key());
		return builder.startSpan();
	}

	/**
	 * Starts the CONSUMER span of processing a batch: a root span linked to the context
	 * of each record, as the records may come from many traces.
	 */
	Span startBatch(Iterable<? extends ConsumerRecord<?, ?>> records, int count, String consumerGroup) {
		String topic = null;
		boolean oneTopic = true;
		for (ConsumerRecord<?, ?> record : records) {
			if (topic == null) {
				topic = record.topic();
			}
			else if (!topic.equals(record.topic())) {
				oneTopic = false;
			}
		}
		SpanBuilder builder = processSpan(oneTopic ? topic : null, consumerGroup).setNoParent()
			.setAttribute(MessagingAttributes.MESSAGING_BATCH_MESSAGE_COUNT, (long) count);
		for (ConsumerRecord<?, ?> record : records) {
			SpanContext linked = Span.fromContext(extract(record.headers())).getSpanContext();
			if (linked.isValid()) {
				builder.addLink(linked);
			}
		}
		return builder.startSpan();
	}

	private SpanBuilder processSpan(String topic, String consumerGroup) {
		String name = (topic != null) ? MessagingAttributes.PROCESS + " " + topic : MessagingAttributes.PROCESS;
		SpanBuilder builder = this.tracing.tracer().spanBuilder(name)
			.setSpanKind(SpanKind.CONSUMER)
			.setAttribute(MessagingAttributes.MESSAGING_SYSTEM, MessagingAttributes.KAFKA)
			.setAttribute(MessagingAttributes.MESSAGING_OPERATION_TYPE, MessagingAttributes.PROCESS)
			.setAttribute(MessagingAttributes.MESSAGING_OPERATION_NAME, MessagingAttributes.PROCESS);
		if (topic != null) {
			builder.setAttribute(MessagingAttributes.MESSAGING_DESTINATION_NAME, topic);
		}
		if (consumerGroup != null) {
			builder.setAttribute(MessagingAttributes.MESSAGING_CONSUMER_GROUP_NAME, consumerGroup);
		}
		return builder;
	}

	/**
	 * The context a record carries. Headers come from anyone who can write to the topic:
	 * whatever they hold, processing goes on, in a new trace if need be.
	 */
	private Context extract(Headers headers) {
		try {
			return this.tracing.propagator().extract(Context.root(), headers, RecordHeaderCarrier.INSTANCE);
		}
		catch (RuntimeException ex) {
			return Context.root();
		}
	}

	private void setKey(SpanBuilder builder, Object key) {
		// Only string keys: a binary key has no faithful text form.
		if (this.recordMessageKey && key instanceof String text) {
			builder.setAttribute(MessagingAttributes.MESSAGING_KAFKA_MESSAGE_KEY, text);
		}
	}

}
