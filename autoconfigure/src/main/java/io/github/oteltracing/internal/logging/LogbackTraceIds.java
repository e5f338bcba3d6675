package io.github.oteltracing.internal.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * With Logback, the ids reach the MDC when a log event is made rather than whenever a
 * span becomes current: a turbo filter, which Logback asks first for every logging call
 * on the calling thread, puts the current span's ids there (or takes stale ones out) and
 * lets the call proceed, and the same for the baggage correlation fields ({@link MdcBaggage}).
 * Span switches cost nothing; a log event costs a context look-up and two MDC reads (one
 * more per correlation field), and three writes when the span changed since the thread
 * last logged.
 *
 * <p>Logback forgets the filter whenever it is configured anew. A reset (Logback's own
 * re-configuration, Spring Boot's {@code reinitialize}) keeps reset-resistant listeners,
 * so the filter adds itself again. A stop (Spring Boot stops and resets the context each
 * time it initializes logging, for any application in the JVM) removes every listener;
 * {@link #attach()} is therefore called again after each initialization
 * (by the starter's {@code TraceMdcLoggingListener}).
 */
final class LogbackTraceIds extends TurboFilter implements LoggerContextListener {

	private LogbackTraceIds() {
		setName("tracing-mdc");
	}

	/**
	 * Whether Logback is the SLF4J backend. Call only when Logback is on the class path.
	 * @return {@code true} if the ids can be put in at logging time
	 */
	static boolean isBackend() {
		return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
	}

	/**
	 * Makes sure Logback's context has the filter and its listener, once each.
	 */
	static void attach() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context) {
			synchronized (context) {
				LogbackTraceIds filter = context.getCopyOfListenerList()
					.stream()
					.filter(LogbackTraceIds.class::isInstance)
					.map(LogbackTraceIds.class::cast)
					.findFirst()
					.orElse(null);
				if (filter == null) {
					filter = new LogbackTraceIds();
					filter.setContext(context);
					context.addListener(filter);
				}
				if (!context.getTurboFilterList().contains(filter)) {
					filter.start();
					context.addTurboFilter(filter);
				}
			}
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
			Throwable t) {
		if (willLog(logger, level)) {
			if (TraceMdcHook.isActive()) {
				Context current = Context.current();
				MdcIds.show(Span.fromContext(current).getSpanContext());
				MdcBaggage.show(current);
			}
			else {
				MdcIds.release();
				MdcBaggage.release();
			}
		}
		return FilterReply.NEUTRAL;
	}

	// Logback asks before it checks the level: nothing to do for calls that log nothing.
	private static boolean willLog(Logger logger, Level level) {
		return level == null || logger == null || level.isGreaterOrEqual(logger.getEffectiveLevel());
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onReset(LoggerContext context) {
		// A reset stops and removes the turbo filters before it tells its listeners.
		start();
		context.addTurboFilter(this);
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}
