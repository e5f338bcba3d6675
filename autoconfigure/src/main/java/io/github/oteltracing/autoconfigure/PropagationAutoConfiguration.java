package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.baggage.BaggagePolicy;
import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.propagation.ApplicationPropagators;
import io.github.oteltracing.propagation.PropagationType;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The propagators that carry trace context in and out, from
 * {@code tracing.propagation.types}, and what baggage they let through, from
 * {@code tracing.baggage.fields} and {@code tracing.baggage.accept-incoming}.
 */
@AutoConfiguration(beforeName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_3,
		SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_4 })
@ConditionalOnClass({ TextMapPropagator.class, B3Propagator.class })
@ConditionalOnTracingEnabled
@EnableConfigurationProperties({ PropagationProperties.class, BaggageProperties.class })
public final class PropagationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TextMapPropagator tracingPropagator(PropagationProperties properties) {
		return PropagationType.composite(properties.getTypes());
	}

	@Bean
	@ConditionalOnMissingBean
	ContextPropagators tracingContextPropagators(ConfigurableListableBeanFactory beanFactory,
			BaggageProperties baggage) {
		// The baggage policy wraps all formats at once, the application's own propagators too.
		BaggagePolicy policy = new BaggagePolicy(baggage.getFields(), baggage.effectiveAcceptIncoming());
		return ContextPropagators
			.create(policy.apply(ApplicationPropagators.select(beanFactory).getTextMapPropagator()));
	}

}
