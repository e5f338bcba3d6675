package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.http.client.HttpClientTracingPostProcessor;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * CLIENT spans and context propagation for RestTemplate, RestClient and WebClient:
 * their beans and builder beans are post-processed, and Spring Boot's
 * {@code RestTemplateBuilder} is customized, so clients built from either are traced.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.http.client.enabled", matchIfMissing = true)
@ConditionalOnClass({ OpenTelemetry.class, org.springframework.http.client.ClientHttpRequestInterceptor.class })
public final class HttpClientTracingAutoConfiguration {

	// Static with a lazy provider: post-processors are created before other beans.
	@Bean
	static HttpClientTracingPostProcessor tracingHttpClientPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry) {
		return new HttpClientTracingPostProcessor(openTelemetry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.web.client.RestTemplateCustomizer")
	static class RestTemplateBuilderConfiguration {

		@Bean
		RestTemplateCustomizer tracingRestTemplateCustomizer(HttpClientTracingPostProcessor postProcessor) {
			return postProcessor::trace;
		}

	}

}
