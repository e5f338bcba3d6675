package io.github.oteltracing.autoconfigure;

import java.util.Set;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * With {@code tracing.enabled=false}, also leaves out Spring Boot's own OpenTelemetry
 * tracing SDK, which the starter's dependencies would otherwise switch on where actuator
 * is present; Spring Boot then falls back to its no-op tracer. With tracing on, leaves out
 * Spring Boot's OTLP span exporter, so that {@code tracing.exporter.*} alone decides where
 * spans go (a second exporter bean would also leave the batch processor two to choose from).
 */
class TracingDisabledImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean enabled = this.environment == null
				|| this.environment.getProperty("tracing.enabled", Boolean.class, true);
		Set<String> excluded = enabled ? SpringBootAutoConfigurations.spanExport()
				: SpringBootAutoConfigurations.tracingSdk();
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			// Entries already filtered out by others are null.
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || !excluded.contains(candidate);
		}
		return matches;
	}

}
