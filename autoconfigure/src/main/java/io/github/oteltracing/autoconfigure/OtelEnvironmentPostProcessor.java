package io.github.oteltracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.internal.boot.EnvironmentPreparedOrder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes the standard {@code OTEL_*} environment variables act as the environment
 * variables of the matching {@code tracing.*} properties: placed right after the system
 * environment, they beat {@code application.yml} and lose to command-line arguments, JVM
 * system properties and {@code TRACING_*} variables.
 */
class OtelEnvironmentPostProcessor implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROPERTY_SOURCE_NAME = "otelEnvironmentVariables";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		postProcessEnvironment(event.getEnvironment(), event.getSpringApplication());
	}

	void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, OtelEnvironmentVariables.Mapped> mapped = OtelEnvironmentVariables
			.toProperties(otelVariables(environment));
		if (mapped.isEmpty() || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		OtelPropertySource source = new OtelPropertySource(mapped);
		String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		if (environment.getPropertySources().contains(systemEnvironment)) {
			environment.getPropertySources().addAfter(systemEnvironment, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

	/** Read from the property source rather than the process, so that tests can supply it. */
	private static Map<String, String> otelVariables(ConfigurableEnvironment environment) {
		Map<String, String> variables = new LinkedHashMap<>();
		PropertySource<?> source = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (source != null && source.getSource() instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (key instanceof String name && name.startsWith("OTEL_") && value instanceof String text) {
					variables.put(name, text);
				}
			});
		}
		return variables;
	}

	@Override
	public int getOrder() {
		return EnvironmentPreparedOrder.OTEL_VARIABLES;
	}

	static final class OtelPropertySource extends MapPropertySource implements OriginLookup<String> {

		private final Map<String, OtelEnvironmentVariables.Mapped> mapped;

		OtelPropertySource(Map<String, OtelEnvironmentVariables.Mapped> mapped) {
			super(PROPERTY_SOURCE_NAME, values(mapped));
			this.mapped = mapped;
		}

		private static Map<String, Object> values(Map<String, OtelEnvironmentVariables.Mapped> mapped) {
			Map<String, Object> values = new LinkedHashMap<>();
			mapped.forEach((key, value) -> values.put(key, value.value()));
			return values;
		}

		@Override
		public Origin getOrigin(String key) {
			OtelEnvironmentVariables.Mapped value = this.mapped.get(key);
			return (value != null) ? new VariableOrigin(value.variable()) : null;
		}

	}

	record VariableOrigin(String variable) implements Origin {

		@Override
		public String toString() {
			return "environment variable " + this.variable;
		}

	}

}
