package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.boot.SpringBootGeneration;
import io.github.oteltracing.internal.boot.SpringBootTypes;
import io.github.oteltracing.internal.http.client.HttpClientTracingPostProcessor;
import io.github.oteltracing.internal.http.client.TracingGatewayRoutingFilter;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.client.RestTemplate;

/**
 * CLIENT spans and context propagation for RestTemplate, RestClient and WebClient:
 * their beans and builder beans are post-processed, and Spring Boot's
 * {@code RestTemplateBuilder} is customized, so clients built from either are traced.
 * Spring Cloud Gateway's routed requests get theirs from a global filter. Backs off
 * without an {@link OpenTelemetry} bean: clients then work untraced.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class,
		afterName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_3, SpringBootAutoConfigurations.OPEN_TELEMETRY_4 })
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.http.client.enabled", matchIfMissing = true)
@ConditionalOnClass({ OpenTelemetry.class, org.springframework.http.client.ClientHttpRequestInterceptor.class })
@ConditionalOnBean(OpenTelemetry.class)
@Import(HttpClientTracingAutoConfiguration.RestTemplateCustomizerRegistrar.class)
public final class HttpClientTracingAutoConfiguration {

	// Static with a lazy provider: post-processors are created before other beans.
	@Bean
	static HttpClientTracingPostProcessor tracingHttpClientPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry) {
		return new HttpClientTracingPostProcessor(openTelemetry);
	}

	/**
	 * Spring Cloud Gateway (WebFlux) sends routed requests with Reactor Netty's client
	 * directly, past every {@code WebClient}; its own observation of them makes no span
	 * here.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.cloud.gateway.filter.GlobalFilter")
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class GatewayRoutingConfiguration {

		@Bean
		TracingGatewayRoutingFilter tracingGatewayRoutingFilter(OpenTelemetry openTelemetry) {
			return new TracingGatewayRoutingFilter(openTelemetry);
		}

	}

	/**
	 * Customizes Spring Boot's {@code RestTemplateBuilder}, where there is one. Its
	 * customizer interface is in another package on Spring Boot 4, so the bean is
	 * registered with the type of the running generation.
	 */
	static class RestTemplateCustomizerRegistrar extends SpringBootTypedBeanRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			Class<?> customizer = SpringBootGeneration.of(classLoader()).restTemplateCustomizer(classLoader());
			if (customizer == null) {
				return;
			}
			SpringBootTypes.register(registry, "tracingRestTemplateCustomizer", customizer,
					RestTemplateCustomizerRegistrar.class, "restTemplateCustomizer");
		}

		static Object restTemplateCustomizer(HttpClientTracingPostProcessor tracing, BeanFactory beanFactory) {
			ClassLoader classLoader = SpringBootTypes.classLoader(beanFactory);
			Class<?> customizer = SpringBootGeneration.of(classLoader).restTemplateCustomizer(classLoader);
			return SpringBootTypes.callback(customizer, (restTemplate) -> tracing.trace((RestTemplate) restTemplate));
		}

	}

}
