package io.github.oteltracing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;

/**
 * The starter's tracers, whose instrumentation scope carries the starter's version, so
 * that a backend tells which release made a span.
 */
public final class StarterTracers {

	/**
	 * The starter's version, or {@code null} where it cannot be told.
	 */
	public static final String VERSION = readVersion();

	private StarterTracers() {
	}

	/**
	 * Returns a tracer of the starter.
	 * @param openTelemetry the OpenTelemetry instance
	 * @param scope the instrumentation scope name, such as {@code io.github.oteltracing.http}
	 * @return the tracer, with the starter's version as the scope version
	 */
	public static Tracer tracer(OpenTelemetry openTelemetry, String scope) {
		TracerBuilder builder = openTelemetry.tracerBuilder(scope);
		return (VERSION != null) ? builder.setInstrumentationVersion(VERSION).build() : builder.build();
	}

	// Written by the build (resource filtering); the jar manifest is the fallback where the
	// resource was copied unfiltered, as some IDEs do.
	private static String readVersion() {
		try (InputStream in = StarterTracers.class.getResourceAsStream("starter.properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(in);
				String version = properties.getProperty("version");
				if (version != null && !version.isBlank() && !version.startsWith("${")) {
					return version.strip();
				}
			}
		}
		catch (IOException ex) {
			// Fall back to the manifest.
		}
		return StarterTracers.class.getPackage().getImplementationVersion();
	}

}
