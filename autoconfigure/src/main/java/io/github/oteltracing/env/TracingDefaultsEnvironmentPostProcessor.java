package io.github.oteltracing.env;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.boot.SpringBootGeneration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for Spring Boot settings that tracing depends on, at the lowest precedence so
 * that an application's own value always wins:
 * <ul>
 * <li>Spring Boot's Micrometer tracing follows {@code tracing.enabled}, so that
 * {@code tracing.enabled=false} silences it too;</li>
 * <li>in a reactive web application, Reactor propagates context automatically, so that
 * the OpenTelemetry context of a WebFlux request is current in every operator, on every
 * thread. Other applications keep Spring Boot's {@code limited} default: there the
 * context is current where their code runs (the request thread), the starter's
 * {@code WebClient} filter reads it from the Reactor context, and restoring thread locals
 * around every operator of every chain would only cost CPU (see docs/benchmarks.md);</li>
 * <li>log lines show the trace and span ids ({@code logging.pattern.correlation}).</li>
 * </ul>
 */
class TracingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "tracingDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		boolean enabled = environment.getProperty("tracing.enabled", Boolean.class, true);
		Map<String, Object> defaults = new LinkedHashMap<>();
		// management.tracing.enabled on Spring Boot 3, management.tracing.export.enabled on 4.
		defaults.put(SpringBootGeneration.of(application.getClassLoader()).tracingExportProperty(), enabled);
		if (enabled) {
			if (webApplicationType(environment, application) == WebApplicationType.REACTIVE) {
				defaults.put("spring.reactor.context-propagation", "auto");
			}
			if (environment.getProperty("tracing.logging.mdc", Boolean.class, true)) {
				// Spring Boot's log correlation, from the ids the starter keeps in the MDC.
				defaults.put("logging.pattern.correlation", "[%X{trace_id:-},%X{span_id:-}] ");
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	// spring.main.web-application-type is bound to the application only after this runs.
	private static WebApplicationType webApplicationType(ConfigurableEnvironment environment,
			SpringApplication application) {
		return Binder.get(environment)
			.bind("spring.main.web-application-type", WebApplicationType.class)
			.orElseGet(() -> (application != null) ? application.getWebApplicationType() : WebApplicationType.NONE);
	}

	@Override
	public int getOrder() {
		// After the OTEL_* variables are mapped and application.yml is loaded.
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

}
