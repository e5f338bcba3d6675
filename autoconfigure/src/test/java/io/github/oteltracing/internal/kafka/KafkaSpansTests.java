package io.github.oteltracing.internal.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Span shape of {@link KafkaSpans}, with an in-memory exporter.
 */
class KafkaSpansTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	@Test
	void theMessageKeyIsRecordedOnlyWhenAskedFor() {
		KafkaSpans withKey = spans(W3CTraceContextPropagator.getInstance(), true);
		KafkaSpans withoutKey = spans(W3CTraceContextPropagator.getInstance(), false);
		withKey.startSend(new ProducerRecord<>("orders", "customer-7", "order")).end();
		withoutKey.startSend(new ProducerRecord<>("orders", "customer-7", "order")).end();
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans.get(0).getAttributes().get(MessagingAttributes.MESSAGING_KAFKA_MESSAGE_KEY))
			.isEqualTo("customer-7");
		assertThat(spans.get(1).getAttributes().get(MessagingAttributes.MESSAGING_KAFKA_MESSAGE_KEY)).isNull();
	}

	@Test
	void aPropagatorThatThrowsOnAHostileHeaderStartsANewTrace() {
		KafkaSpans spans = spans(new ThrowingPropagator(), false);
		ConsumerRecord<String, String> record = new ConsumerRecord<>("orders", 0, 42L, "key", "value");
		record.headers().add("traceparent", "00-hostile".getBytes(StandardCharsets.UTF_8));
		Span span = spans.startProcess(record, "inventory");
		span.end();
		SpanData data = this.exporter.getFinishedSpanItems().get(0);
		assertThat(data.getParentSpanContext().isValid()).isFalse();
		assertThat(data.getName()).isEqualTo("process orders");
		assertThat(data.getAttributes().get(MessagingAttributes.MESSAGING_KAFKA_OFFSET)).isEqualTo(42L);
	}

	private KafkaSpans spans(TextMapPropagator propagator, boolean recordMessageKey) {
		OpenTelemetry openTelemetry = OpenTelemetrySdk.builder()
			.setTracerProvider(
					SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(this.exporter)).build())
			.setPropagators(ContextPropagators.create(propagator))
			.build();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("openTelemetry", openTelemetry);
		return new KafkaSpans(beans.getBeanProvider(OpenTelemetry.class), recordMessageKey);
	}

	private static final class ThrowingPropagator implements TextMapPropagator {

		@Override
		public Collection<String> fields() {
			return List.of("traceparent");
		}

		@Override
		public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
		}

		@Override
		public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
			throw new IllegalArgumentException("malformed " + getter.get(carrier, "traceparent"));
		}

	}

}
