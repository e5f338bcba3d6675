package io.github.oteltracing.internal.boot;

import java.util.Set;

/**
 * Names of Spring Boot auto-configurations that the starter's are ordered against or
 * leave out, in each generation (3.x in {@code spring-boot-actuator-autoconfigure}, 4.x
 * in its own modules): a rename in a new Spring Boot line is a change here only.
 * Constants, so that {@code @AutoConfiguration(afterName = ...)} can use them.
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
	 * Spring Boot 3's tracer provider, propagators and sampler.
	 */
	public static final String OPEN_TELEMETRY_TRACING_3 = "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration";

	/**
	 * Spring Boot 4's tracer provider, propagators and sampler.
	 */
	public static final String OPEN_TELEMETRY_TRACING_4 = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration";

	/**
	 * Spring Boot 3's OTLP span exporter.
	 */
	public static final String OTLP_TRACING_3 = "org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration";

	/**
	 * Spring Boot 4's OTLP span exporter.
	 */
	public static final String OTLP_TRACING_4 = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration";

	/**
	 * Spring Boot 3's Micrometer Tracing observation handlers.
	 */
	public static final String MICROMETER_TRACING_3 = "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration";

	/**
	 * Spring Boot 4's Micrometer Tracing observation handlers (module
	 * {@code spring-boot-micrometer-tracing}).
	 */
	public static final String MICROMETER_TRACING_4 = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration";

	/**
	 * Spring Boot 3's no-op tracer, for when no tracer is defined.
	 */
	public static final String NOOP_TRACER_3 = "org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration";

	/**
	 * Spring Boot 4's no-op tracer, for when no tracer is defined.
	 */
	public static final String NOOP_TRACER_4 = "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration";

	/**
	 * Spring Boot 3's Micrometer metrics.
	 */
	public static final String METRICS_3 = "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration";

	/**
	 * Spring Boot 4's Micrometer metrics.
	 */
	public static final String METRICS_4 = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration";

	/**
	 * Spring Boot 3's composite meter registry.
	 */
	public static final String COMPOSITE_METER_REGISTRY_3 = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration";

	/**
	 * Spring Boot 4's composite meter registry.
	 */
	public static final String COMPOSITE_METER_REGISTRY_4 = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration";

	/**
	 * Spring Boot 3's Zipkin support, which defines a {@code ZipkinSpanExporter}.
	 */
	public static final String ZIPKIN_3 = "org.springframework.boot.actuate.autoconfigure.tracing.zipkin.ZipkinAutoConfiguration";

	/**
	 * Spring Boot 4's Zipkin span exporter for OpenTelemetry.
	 */
	public static final String ZIPKIN_4 = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration";

	private static final Set<String> TRACING_SDK = Set.of(OPEN_TELEMETRY_TRACING_3, OTLP_TRACING_3,
			OPEN_TELEMETRY_TRACING_4, OTLP_TRACING_4);

	private static final Set<String> SPAN_EXPORT = Set.of(OTLP_TRACING_3, OTLP_TRACING_4);

	// Where Spring Boot's tracing auto-configurations live, in every generation.
	private static final Set<String> TRACING_PACKAGES = Set.of("org.springframework.boot.actuate.autoconfigure.tracing.",
			"org.springframework.boot.micrometer.tracing.");

	private SpringBootAutoConfigurations() {
	}

	/**
	 * Spring Boot's OpenTelemetry tracing SDK and span export, of every generation.
	 * @return the auto-configuration names
	 */
	public static Set<String> tracingSdk() {
		return TRACING_SDK;
	}

	/**
	 * Spring Boot's OTLP span export, of every generation.
	 * @return the auto-configuration names
	 */
	public static Set<String> spanExport() {
		return SPAN_EXPORT;
	}

	/**
	 * Whether a class is one of Spring Boot's tracing auto-configurations (or a class
	 * nested in one), of any generation.
	 * @param className the class name
	 * @return {@code true} for Spring Boot's tracing support
	 */
	public static boolean isTracing(String className) {
		return TRACING_PACKAGES.stream().anyMatch(className::startsWith);
	}

}
