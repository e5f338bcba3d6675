package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The head sampler, from {@code tracing.sampling.*}.
 */
@AutoConfiguration(beforeName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_3,
		SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_4 })
@ConditionalOnClass(Sampler.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties(SamplingProperties.class)
public final class SamplingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Sampler tracingSampler(SamplingProperties properties) {
		return properties.getStrategy().createSampler(properties.getRatio(), properties.getRateLimit());
	}

}
