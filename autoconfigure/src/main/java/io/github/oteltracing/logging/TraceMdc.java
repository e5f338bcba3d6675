package io.github.oteltracing.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * ({@link TraceMdcRegistration}).
 */
public final class TraceMdc {

	/** MDC key of the trace id: 32 lower-case hex digits. */
	public static final String TRACE_ID = "trace_id";

	/** MDC key of the span id: 16 lower-case hex digits. */
	public static final String SPAN_ID = "span_id";

	/** MDC key of the sampled flag: {@code 01} when the trace is sampled, {@code 00} when not. */
	public static final String TRACE_FLAGS = "trace_flags";

	private static final AtomicBoolean requested = new AtomicBoolean();

	private static final AtomicInteger activations = new AtomicInteger();

	private static volatile boolean installed;

	private static volatile boolean logback;

	private TraceMdc() {
	}

	/**
	 * Hooks the ids into logging, once per JVM: with Logback, by a turbo filter that
	 * {@link #attachToLogging()} adds once logging is configured; otherwise by asking
	 * OpenTelemetry to wrap its context storage, effective only if nothing has used the
	 * context yet ({@link #isInstalled()} tells afterwards).
	 */
	public static void install() {
		if (requested.compareAndSet(false, true)) {
			if (isLogbackPresent() && LogbackTraceIds.isBackend()) {
				logback = true;
			}
			else {
				ContextStorage.addWrapper(TraceMdc::wrap);
			}
		}
	}

	private static boolean isLogbackPresent() {
		try {
			Class.forName("ch.qos.logback.classic.turbo.TurboFilter", false, TraceMdc.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Adds the Logback filter to the logging configuration, when Logback is the backend
	 * and the hook is installed. Called whenever Spring Boot has initialized logging, and
	 * when an application context with the setting on starts.
	 */
	public static void attachToLogging() {
		if (logback) {
			LogbackTraceIds.attach();
		}
	}

	private static ContextStorage wrap(ContextStorage storage) {
		installed = true;
		return new MdcContextStorage(storage);
	}

	/**
	 * Whether the context storage in use is wrapped. Forces the storage to be created, so
	 * call it after {@link #install()}.
	 * @return {@code true} if span ids reach the MDC
	 */
	public static boolean isInstalled() {
		if (logback) {
			return true;
		}
		ContextStorage.get();
		return installed;
	}

	/**
	 * Starts putting ids into the MDC, until {@link #deactivate()} is called as often.
	 */
	static void activate() {
		activations.incrementAndGet();
	}

	/**
	 * Undoes one {@link #activate()}.
	 */
	static void deactivate() {
		activations.decrementAndGet();
	}

	static boolean isActive() {
		return activations.get() > 0;
	}

}
