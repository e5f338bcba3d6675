package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.http.ExcludedPaths;
import io.github.oteltracing.internal.http.ServerSpans;
import io.github.oteltracing.internal.http.reactive.TracingWebFilter;
import io.github.oteltracing.internal.http.servlet.TracingRequestListener;
import io.github.oteltracing.internal.http.servlet.TracingServletFilter;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * SERVER spans for incoming Spring MVC and WebFlux requests. Backs off without an
 * {@link OpenTelemetry} bean: requests are then served untraced.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class,
		afterName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_3, SpringBootAutoConfigurations.OPEN_TELEMETRY_4 })
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.http.server.enabled", matchIfMissing = true)
@ConditionalOnBean(OpenTelemetry.class)
@EnableConfigurationProperties(HttpTracingProperties.class)
public final class HttpServerTracingAutoConfiguration {

	/** Early, so that the span covers security and other filters; after request-id style filters. */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ TracingServletFilter.class, org.springframework.web.servlet.DispatcherServlet.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "tracingServletFilter")
		FilterRegistrationBean<TracingServletFilter> tracingServletFilter(OpenTelemetry openTelemetry,
				HttpTracingProperties properties) {
			TracingServletFilter filter = new TracingServletFilter(serverSpans(openTelemetry, properties));
			FilterRegistrationBean<TracingServletFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(FILTER_ORDER);
			registration.setName("tracingServletFilter");
			return registration;
		}

		/** The container's error log line for a failed request, in the request's trace. */
		@Bean
		@ConditionalOnMissingBean(name = "tracingRequestListener")
		ServletListenerRegistrationBean<TracingRequestListener> tracingRequestListener() {
			return new ServletListenerRegistrationBean<>(new TracingRequestListener());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.server.WebFilter.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TracingWebFilter tracingWebFilter(OpenTelemetry openTelemetry, HttpTracingProperties properties) {
			return new TracingWebFilter(serverSpans(openTelemetry, properties), FILTER_ORDER);
		}

	}

	private static ServerSpans serverSpans(OpenTelemetry openTelemetry, HttpTracingProperties properties) {
		HttpTracingProperties.Server server = properties.getServer();
		return new ServerSpans(openTelemetry, new ExcludedPaths(server.getExcludePaths()), server.isTraceResponse());
	}

}
