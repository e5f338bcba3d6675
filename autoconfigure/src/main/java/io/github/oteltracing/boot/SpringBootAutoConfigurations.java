package io.github.oteltracing.boot;

/**
 * Names of Spring Boot auto-configurations that the starter's are ordered against, in
 * each generation (3.x in {@code spring-boot-actuator-autoconfigure}, 4.x in its own
 * modules). Constants, so that {@code @AutoConfiguration(afterName = ...)} can use them.
 */
public final class SpringBootAutoConfigurations {

	/**
	 * Spring Boot 3's OpenTelemetry SDK ({@code OpenTelemetry} bean).
	 */
	public static final String OPEN_TELEMETRY_3 = "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration";

	/**
	 * Spring Boot 4's OpenTelemetry SDK ({@code OpenTelemetry} bean).
	 */
	public static final String OPEN_TELEMETRY_4 = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration";

	/**
	 * Spring Boot 3's Zipkin support, which defines a {@code ZipkinSpanExporter}.
	 */
	public static final String ZIPKIN_3 = "org.springframework.boot.actuate.autoconfigure.tracing.zipkin.ZipkinAutoConfiguration";

	/**
	 * Spring Boot 4's Zipkin span exporter for OpenTelemetry.
	 */
	public static final String ZIPKIN_4 = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration";

	private SpringBootAutoConfigurations() {
	}

}
