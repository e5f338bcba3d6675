package io.github.oteltracing.logging;

import io.github.oteltracing.internal.logging.TraceMdcHook;
import io.opentelemetry.context.ContextStorage;

/**
 * Puts the current span's ids into the logging MDC (SLF4J), whoever makes the span
 * current: {@code @Traced}, HTTP filters, executor tasks or user code calling
 * {@code span.makeCurrent()}.
 *
 * <p>With Logback (Spring Boot's default) the ids are put in when a log event is made,
 * by a Logback turbo filter: making a span current costs nothing extra, and every log
 * line shows the span current on its thread. With another SLF4J backend the starter wraps
 * OpenTelemetry's {@link ContextStorage}, the one place every {@code makeCurrent()}
 * passes through, and keeps the MDC in step with each span switch. That wrapper is
 * process-wide and OpenTelemetry accepts it only before the context storage is first
 * used, which is why {@link #install()} runs while the environment is prepared, before
 * any bean exists. Either way several application contexts in one JVM share the hook; it
 * acts while at least one of them has {@code tracing.logging.mdc} on
 * (each with a bean of its own).
 */
public final class TraceMdc {

	/** MDC key of the trace id: 32 lower-case hex digits. */
	public static final String TRACE_ID = "trace_id";

	/** MDC key of the span id: 16 lower-case hex digits. */
	public static final String SPAN_ID = "span_id";

	/** MDC key of the sampled flag: {@code 01} when the trace is sampled, {@code 00} when not. */
	public static final String TRACE_FLAGS = "trace_flags";

	private TraceMdc() {
	}

	/**
	 * Hooks the ids into logging, once per JVM. Spring Boot applications started with
	 * {@code SpringApplication} need not call it; others call it first thing in
	 * {@code main()}, before anything uses the OpenTelemetry context.
	 */
	public static void install() {
		TraceMdcHook.install();
	}

	/**
	 * Whether the ids reach the MDC. Forces OpenTelemetry's context storage to be created,
	 * so call it after {@link #install()}.
	 * @return {@code true} if span ids reach the MDC
	 */
	public static boolean isInstalled() {
		return TraceMdcHook.isInstalled();
	}

}
