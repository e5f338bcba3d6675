package io.github.oteltracing.internal.logging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.context.ContextStorage;

/**
 * The process-wide hook behind {@link TraceMdc}: installed once per JVM, active while
 * at least one application context has {@code tracing.logging.mdc} on
 * ({@link TraceMdcRegistration}).
 */
public final class TraceMdcHook {

	private static final AtomicBoolean requested = new AtomicBoolean();

	private static final AtomicInteger activations = new AtomicInteger();

	private static volatile boolean installed;

	private static volatile boolean logback;

	private TraceMdcHook() {
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
				ContextStorage.addWrapper(TraceMdcHook::wrap);
			}
		}
	}

	private static boolean isLogbackPresent() {
		try {
			Class.forName("ch.qos.logback.classic.turbo.TurboFilter", false, TraceMdcHook.class.getClassLoader());
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
	public static void activate() {
		activations.incrementAndGet();
	}

	/**
	 * Undoes one {@link #activate()}.
	 */
	public static void deactivate() {
		activations.decrementAndGet();
	}

	/**
	 * Whether ids are put into the MDC.
	 * @return {@code true} while activated more often than deactivated
	 */
	public static boolean isActive() {
		return activations.get() > 0;
	}

}
