package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.logging.TraceMdcRegistration;
import io.github.oteltracing.logging.TraceMdc;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Trace and span ids in the logging MDC while a span is current ({@link TraceMdc}).
 */
@AutoConfiguration
@ConditionalOnClass(MDC.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(LoggingProperties.class)
public final class LoggingMdcAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "tracing.logging.mdc", matchIfMissing = true)
	@ConditionalOnMissingBean
	TraceMdcRegistration tracingMdcRegistration() {
		return new TraceMdcRegistration();
	}

}
