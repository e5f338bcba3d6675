package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.baggage.BaggageTagsProcessor;
import io.github.oteltracing.internal.logging.BaggageMdcRegistration;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Baggage entries onto spans ({@code tracing.baggage.tag-fields}) and into the logging MDC
 * ({@code tracing.baggage.correlation-fields}). What baggage crosses service boundaries
 * is the propagators' concern ({@link PropagationAutoConfiguration}).
 */
@AutoConfiguration(before = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(BaggageProperties.class)
public final class BaggageAutoConfiguration {

	@Bean
	@ConditionalOnClass(SdkTracerProvider.class)
	SdkTracerProviderCustomizer tracingBaggageTagsCustomizer(BaggageProperties properties) {
		return (builder) -> {
			if (!properties.getTagFields().isEmpty()) {
				builder.addSpanProcessor(new BaggageTagsProcessor(properties.getTagFields()));
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MDC.class)
	@ConditionalOnBooleanProperty(name = "tracing.logging.mdc", matchIfMissing = true)
	static class CorrelationFieldsConfiguration {

		@Bean
		BaggageMdcRegistration tracingBaggageMdcRegistration(BaggageProperties properties) {
			return new BaggageMdcRegistration(properties.getCorrelationFields());
		}

	}

}
