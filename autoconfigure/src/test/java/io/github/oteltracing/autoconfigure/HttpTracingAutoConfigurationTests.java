package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.http.client.HttpClientTracingPostProcessor;
import io.github.oteltracing.internal.http.client.TracingClientHttpRequestInterceptor;
import io.github.oteltracing.internal.http.client.TracingExchangeFilterFunction;
import io.github.oteltracing.internal.http.reactive.TracingWebFilter;
import io.github.oteltracing.internal.http.servlet.TracingServletFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTracingAutoConfigurationTests {

	@Test
	void servletApplicationsGetTheFilter() {
		new WebApplicationContextRunner().withConfiguration(TracingAutoConfigurationsSupport.registered())
			.run((context) -> {
				assertThat(context).hasBean("tracingServletFilter").doesNotHaveBean(TracingWebFilter.class);
				assertThat(context.getBean("tracingServletFilter", FilterRegistrationBean.class).getFilter())
					.isInstanceOf(TracingServletFilter.class);
			});
	}

	@Test
	void reactiveApplicationsGetTheWebFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(TracingAutoConfigurationsSupport.registered())
			.run((context) -> assertThat(context).hasSingleBean(TracingWebFilter.class)
				.doesNotHaveBean("tracingServletFilter"));
	}

	@Test
	void serverTracingCanBeTurnedOff() {
		new WebApplicationContextRunner().withConfiguration(TracingAutoConfigurationsSupport.registered())
			.withPropertyValues("tracing.http.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("tracingServletFilter"));
		new WebApplicationContextRunner().withConfiguration(TracingAutoConfigurationsSupport.registered())
			.withPropertyValues("tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("tracingServletFilter")
				.doesNotHaveBean(HttpClientTracingPostProcessor.class)
				.doesNotHaveBean(Tracer.class));
	}

	@Test
	void clientBeansAndBuildersAreTracedOnce() {
		TracingAutoConfigurationsSupport.runner().withUserConfiguration(Clients.class).run((context) -> {
			RestTemplate restTemplate = context.getBean(RestTemplate.class);
			assertThat(restTemplate.getInterceptors()).filteredOn(TracingClientHttpRequestInterceptor.class::isInstance)
				.hasSize(1);
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			builder.requestInterceptors((interceptors) -> assertThat(interceptors)
				.filteredOn(TracingClientHttpRequestInterceptor.class::isInstance)
				.hasSize(1));
			// A client built from a traced builder and then registered as a bean is not traced twice.
			context.getBean(RestClient.class)
				.mutate()
				.requestInterceptors((interceptors) -> assertThat(interceptors)
					.filteredOn(TracingClientHttpRequestInterceptor.class::isInstance)
					.hasSize(1));
			context.getBean(WebClient.class)
				.mutate()
				.filters((filters) -> assertThat(filters).filteredOn(TracingExchangeFilterFunction.class::isInstance)
					.hasSize(1));
			context.getBean(WebClient.Builder.class)
				.filters((filters) -> assertThat(filters).filteredOn(TracingExchangeFilterFunction.class::isInstance)
					.hasSize(1));
		});
	}

	@Test
	void clientTracingCanBeTurnedOff() {
		TracingAutoConfigurationsSupport.runner()
			.withUserConfiguration(Clients.class)
			.withPropertyValues("tracing.http.client.enabled=false")
			.run((context) -> assertThat(context.getBean(RestTemplate.class).getInterceptors()).isEmpty());
	}

	@Test
	void withoutWebFluxRestClientsAreStillTraced() {
		TracingAutoConfigurationsSupport.runner()
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor.netty"))
			.withBean(RestTemplate.class, RestTemplate::new)
			.run((context) -> assertThat(context.getBean(RestTemplate.class).getInterceptors()).hasSize(1));
	}

	@Test
	void micrometerTracerIsBridgedToTheSameSdk() {
		new ApplicationContextRunner().withConfiguration(TracingAutoConfigurationsSupport.registered())
			.run((context) -> {
				assertThat(context).hasSingleBean(Tracer.class).hasSingleBean(DefaultTracingObservationHandler.class);
				Tracer tracer = context.getBean(Tracer.class);
				io.micrometer.tracing.Span span = tracer.nextSpan().name("micrometer").start();
				try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
					assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().getSpanId())
						.isEqualTo(span.context().spanId());
				}
				finally {
					span.end();
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Clients {

		@Bean
		RestTemplate restTemplate() {
			return new RestTemplate();
		}

		@Bean
		RestClient.Builder restClientBuilder() {
			return RestClient.builder();
		}

		@Bean
		RestClient restClient(RestClient.Builder builder) {
			return builder.build();
		}

		@Bean
		WebClient.Builder webClientBuilder() {
			return WebClient.builder();
		}

		@Bean
		WebClient webClient(WebClient.Builder builder) {
			return builder.build();
		}

	}

}
