package io.github.oteltracing.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.context.ContextStorage;

/**
 * Puts the current span's ids into the logging MDC (SLF4J), whoever makes the span
 * current: {@code @Traced}, HTTP filters, executor tasks or user code calling
 * {@code span.makeCurrent()}.
 *
 * <p>It wraps OpenTelemetry's {@link ContextStorage}, the one place every
 * {@code makeCurrent()} passes through, so nothing has to cooperate. The trade-off: the
 * wrapper is process-wide and OpenTelemetry accepts it only before the context storage is
 * first used, which is why {@link #install()} runs while the environment is prepared,
 * before any bean exists. Several application contexts in one JVM share it; it acts while
 * at least one of them has {@code tracing.logging.mdc} on ({@link TraceMdcRegistration}).
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

	private TraceMdc() {
	}

	/**
	 * Asks OpenTelemetry to wrap its context storage, once per JVM. Effective only if
	 * nothing has used the context yet; {@link #isInstalled()} tells afterwards.
	 */
	public static void install() {
		if (requested.compareAndSet(false, true)) {
			ContextStorage.addWrapper(TraceMdc::wrap);
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
