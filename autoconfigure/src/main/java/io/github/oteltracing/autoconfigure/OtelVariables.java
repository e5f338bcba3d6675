package io.github.oteltracing.autoconfigure;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;

/**
 * Questions about where a {@code tracing.*} value came from.
 */
final class OtelVariables {

	private static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

	private OtelVariables() {
	}

	/**
	 * Whether the value of the property in effect came from
	 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, which the specification says is the full
	 * URL, used as it is.
	 * @param environment the environment
	 * @param property the endpoint property
	 * @return {@code true} if the endpoint must not be extended
	 */
	public static boolean isTracesEndpoint(Environment environment, String property) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty value = source.getConfigurationProperty(name);
			if (value != null) {
				// Spring Boot wraps the property source's own origin in one that names the source.
				Origin origin = value.getOrigin();
				Origin variable = (origin instanceof PropertySourceOrigin sourceOrigin) ? sourceOrigin.getOrigin() : origin;
				return variable instanceof OtelEnvironmentPostProcessor.VariableOrigin otel
						&& TRACES_ENDPOINT.equals(otel.variable());
			}
		}
		return false;
	}

}
