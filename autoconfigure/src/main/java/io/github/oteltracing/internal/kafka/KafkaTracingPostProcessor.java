package io.github.oteltracing.internal.kafka;

import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Traces {@link KafkaTemplate} sends (through the producers of its factory) and the
 * listeners of every listener container factory (through record and batch interceptors).
 *
 * <p>A factory has no getter for its interceptors, so the tracing ones wrap the
 * application's {@code RecordInterceptor} and {@code BatchInterceptor} beans: those are
 * what Spring Boot's factory configurer applies, to its own factory and to those built
 * with it.
 */
public final class KafkaTracingPostProcessor implements BeanPostProcessor {

	private final KafkaSpans spans;

	private final ObjectProvider<RecordInterceptor<?, ?>> recordInterceptors;

	private final ObjectProvider<BatchInterceptor<?, ?>> batchInterceptors;

	/**
	 * @param openTelemetry where the tracer and propagators come from, resolved on first use
	 * @param recordMessageKey whether spans record a record's (string) key
	 * @param recordInterceptors the application's record interceptors
	 * @param batchInterceptors the application's batch interceptors
	 */
	public KafkaTracingPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry, boolean recordMessageKey,
			ObjectProvider<RecordInterceptor<?, ?>> recordInterceptors,
			ObjectProvider<BatchInterceptor<?, ?>> batchInterceptors) {
		this.spans = new KafkaSpans(openTelemetry, recordMessageKey);
		this.recordInterceptors = recordInterceptors;
		this.batchInterceptors = batchInterceptors;
	}

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaTemplate<?, ?> template) {
			trace(template.getProducerFactory());
		}
		else if (bean instanceof AbstractKafkaListenerContainerFactory factory) {
			factory.setRecordInterceptor(
					new TracingRecordInterceptor(this.spans, this.recordInterceptors.getIfUnique()));
			factory.setBatchInterceptor(new TracingBatchInterceptor(this.spans, this.batchInterceptors.getIfUnique()));
		}
		return bean;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private void trace(ProducerFactory<?, ?> factory) {
		boolean traced = factory.getPostProcessors().stream().anyMatch(TracingProducerPostProcessor.class::isInstance);
		if (!traced) {
			((ProducerFactory) factory).addPostProcessor(new TracingProducerPostProcessor<>(this.spans));
		}
	}

}
