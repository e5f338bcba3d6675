package io.github.oteltracing.internal.logging;

import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Writes a span's ids into the MDC, or takes them out. While the hook is active it owns
 * the three keys: the MDC shows the current span's ids or none, whoever put them there.
 * Once inactive it takes out only the ids it put itself, so that a thread never keeps a
 * stale id of the starter's, nor loses one that something else put under the same key.
 */
final class MdcIds {

	private static final String SAMPLED = "01";

	private static final String NOT_SAMPLED = "00";

	// The span id this thread's MDC got from the starter, null when it holds none of ours.
	private static final ThreadLocal<String> written = new ThreadLocal<>();

	private MdcIds() {
	}

	static void put(SpanContext span) {
		if (span.isValid()) {
			MDC.put(TraceMdc.TRACE_ID, span.getTraceId());
			MDC.put(TraceMdc.SPAN_ID, span.getSpanId());
			// The sampled flag alone: newer SDKs also set the W3C random flag (03), which logs need not show.
			MDC.put(TraceMdc.TRACE_FLAGS, span.isSampled() ? SAMPLED : NOT_SAMPLED);
			written.set(span.getSpanId());
		}
		else {
			remove();
		}
	}

	/**
	 * Makes the MDC show the given span, writing only if it shows another.
	 * @param span the current span's context, invalid for none
	 */
	static void show(SpanContext span) {
		if (span.isValid()) {
			if (!span.getSpanId().equals(MDC.get(TraceMdc.SPAN_ID))
					|| !span.getTraceId().equals(MDC.get(TraceMdc.TRACE_ID))) {
				put(span);
			}
		}
		else if (MDC.get(TraceMdc.TRACE_ID) != null || MDC.get(TraceMdc.SPAN_ID) != null) {
			remove();
		}
	}

	/**
	 * Takes out the ids the starter put into this thread's MDC, if they are still there.
	 */
	static void release() {
		String mine = written.get();
		if (mine != null) {
			if (mine.equals(MDC.get(TraceMdc.SPAN_ID))) {
				remove();
			}
			written.remove();
		}
	}

	private static void remove() {
		MDC.remove(TraceMdc.TRACE_ID);
		MDC.remove(TraceMdc.SPAN_ID);
		MDC.remove(TraceMdc.TRACE_FLAGS);
		written.remove();
	}

}
