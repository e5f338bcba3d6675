package io.github.oteltracing.internal.boot;

import org.springframework.core.Ordered;

/**
 * Orders of the starter's listeners for {@code ApplicationEnvironmentPreparedEvent},
 * which prepare the environment as environment post-processors did (Spring Boot 4.2
 * removes the interface they implemented). They run between two of Spring Boot's
 * listeners, whose orders are the same in every generation: after
 * {@code EnvironmentPostProcessorApplicationListener} ({@code HIGHEST_PRECEDENCE + 10}),
 * which loads {@code application.yml} and runs every environment post-processor, and
 * before {@code LoggingApplicationListener} ({@code HIGHEST_PRECEDENCE + 20}), which
 * initializes logging from {@code logging.*}. So the mapped values are in the
 * environment before logging starts and before the first bean is created.
 */
public final class EnvironmentPreparedOrder {

	/**
	 * The {@code OTEL_*} variables, first, so that the others see their values.
	 */
	public static final int OTEL_VARIABLES = Ordered.HIGHEST_PRECEDENCE + 11;

	/**
	 * Defaults for Spring Boot settings, read from {@code tracing.*}.
	 */
	public static final int TRACING_DEFAULTS = Ordered.HIGHEST_PRECEDENCE + 12;

	/**
	 * Log levels of the OTLP exporters, before logging reads them.
	 */
	public static final int EXPORTER_LOG_LEVELS = Ordered.HIGHEST_PRECEDENCE + 13;

	/**
	 * The MDC hook, before logging is initialized (which attaches it).
	 */
	public static final int TRACE_MDC = Ordered.HIGHEST_PRECEDENCE + 14;

	private EnvironmentPreparedOrder() {
	}

}
