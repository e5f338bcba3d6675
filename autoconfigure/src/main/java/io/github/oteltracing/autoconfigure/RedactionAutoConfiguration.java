package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.redaction.RedactingSpanExporter;
import io.github.oteltracing.redaction.SpanRedactor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SpanRedactor} built from {@code tracing.redaction.*}. The exporting span
 * processor sends spans through it ({@link RedactingSpanExporter}), so secrets are removed
 * from every span whoever set them.
 */
@AutoConfiguration
@ConditionalOnClass(SpanExporter.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(RedactionProperties.class)
public final class RedactionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpanRedactor tracingSpanRedactor(RedactionProperties properties) {
		return new SpanRedactor(properties.getKeys(), properties.getMode());
	}

}
