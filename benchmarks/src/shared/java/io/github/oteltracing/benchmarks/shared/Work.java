package io.github.oteltracing.benchmarks.shared;

import java.util.function.LongUnaryOperator;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The body of every benchmarked method: a few arithmetic operations on the argument, whose
 * result the benchmark returns so that the JIT cannot drop the call.
 */
public final class Work {

	/** The span name every variant uses, so that none saves on naming. */
	public static final String SPAN_NAME = "work";

	/** The argument benchmarks pass; read from a state field, so it is not a constant. */
	public static final long INPUT = 42;

	/**
	 * The argument of the set-up call that asks the method to report the span that is
	 * current inside it. Costs one well-predicted comparison per call, in every variant.
	 */
	static final long PROBE = Long.MIN_VALUE;

	private static volatile SpanContext probed = SpanContext.getInvalid();

	private static volatile String probedMdcTraceId;

	private static final Logger logger = LoggerFactory.getLogger(Work.class);

	private Work() {
	}

	public static long compute(long input) {
		if (input == PROBE) {
			probed = Span.current().getSpanContext();
			// With Logback the ids reach the MDC when something is logged, or a level is checked.
			if (logger.isErrorEnabled()) {
				probedMdcTraceId = MDC.get("trace_id");
			}
		}
		long mixed = input * 0x9E3779B97F4A7C15L;
		return mixed ^ (mixed >>> 31);
	}

	/**
	 * Calls the method once with the probe argument.
	 * @param method the benchmarked method
	 * @return the context of the span that was current inside the method, invalid if none
	 */
	static SpanContext probe(LongUnaryOperator method) {
		probed = SpanContext.getInvalid();
		probedMdcTraceId = null;
		method.applyAsLong(PROBE);
		return probed;
	}

	/**
	 * The logging MDC's {@code trace_id} inside the method during the last probe: shows
	 * whether log correlation runs on the measured path.
	 */
	static String probedMdcTraceId() {
		return probedMdcTraceId;
	}

}
