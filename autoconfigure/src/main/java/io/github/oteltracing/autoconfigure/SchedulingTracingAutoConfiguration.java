package io.github.oteltracing.autoconfigure;


import io.github.oteltracing.internal.scheduling.ScheduledTaskTracingConfigurer;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * Each run of a {@code @Scheduled} method in a root INTERNAL span named like a
 * {@code @Traced} method. Spring Framework's observation of scheduled tasks, which
 * Spring Boot's actuator switches on, keeps its metrics but makes no second span.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.scheduling.enabled", matchIfMissing = true)
@ConditionalOnClass({ OpenTelemetry.class, ScheduledTaskObservationContext.class })
// By type: the processor's bean name differs between Spring Framework 6 and 7.
@ConditionalOnBean(ScheduledAnnotationBeanPostProcessor.class)
@EnableConfigurationProperties(SchedulingTracingProperties.class)
public final class SchedulingTracingAutoConfiguration {

	@Bean
	ScheduledTaskTracingConfigurer tracingScheduledTaskConfigurer(ObjectProvider<OpenTelemetry> openTelemetry) {
		return new ScheduledTaskTracingConfigurer(openTelemetry);
	}

	// A bean, so that an application's own observation registry (actuator) holds it too.
	@Bean
	ObservationHandler<ScheduledTaskObservationContext> tracingScheduledTaskObservationHandler(
			ScheduledTaskTracingConfigurer configurer) {
		return configurer.handler();
	}

}
