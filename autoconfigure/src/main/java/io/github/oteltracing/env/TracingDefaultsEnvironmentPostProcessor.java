package io.github.oteltracing.env;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.boot.SpringBootGeneration;

import org.springframework.boot.SpringApplication;
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
 * <li>Reactor propagates context automatically, so that the OpenTelemetry context of a
 * WebFlux request is current in every operator;</li>
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
			defaults.put("spring.reactor.context-propagation", "auto");
			if (environment.getProperty("tracing.logging.mdc", Boolean.class, true)) {
				// Spring Boot's log correlation, from the ids the starter keeps in the MDC.
				defaults.put("logging.pattern.correlation", "[%X{trace_id:-},%X{span_id:-}] ");
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		// After the OTEL_* variables are mapped and application.yml is loaded.
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

}
