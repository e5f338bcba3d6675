package io.github.oteltracing.autoconfigure;


import io.github.oteltracing.internal.kafka.KafkaTracingPostProcessor;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * PRODUCER spans for {@link KafkaTemplate} sends, with the context in record headers, and
 * CONSUMER spans for listener processing that continue it. Spring Kafka's own
 * observations, where switched on, keep their metrics but make no second span.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.kafka.enabled", matchIfMissing = true)
@ConditionalOnClass({ OpenTelemetry.class, KafkaTemplate.class })
@EnableConfigurationProperties(KafkaTracingProperties.class)
public final class KafkaTracingAutoConfiguration {

	// Static, reading the environment: post-processors are created before properties beans.
	@Bean
	static KafkaTracingPostProcessor tracingKafkaPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry,
			Environment environment, ObjectProvider<RecordInterceptor<?, ?>> recordInterceptors,
			ObjectProvider<BatchInterceptor<?, ?>> batchInterceptors) {
		boolean recordMessageKey = Binder.get(environment)
			.bind("tracing.kafka.record-message-key", Boolean.class)
			.orElse(false);
		return new KafkaTracingPostProcessor(openTelemetry, recordMessageKey, recordInterceptors, batchInterceptors);
	}

}
