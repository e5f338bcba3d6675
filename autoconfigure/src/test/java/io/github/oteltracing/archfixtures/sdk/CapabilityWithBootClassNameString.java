package io.github.oteltracing.archfixtures.sdk;

/**
 * Breaks "only boot names Spring Boot classes", in a way only the source shows.
 */
public class CapabilityWithBootClassNameString {

	static final String TRACING = "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration";

}
