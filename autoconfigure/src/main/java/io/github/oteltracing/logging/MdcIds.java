package io.github.oteltracing.logging;

import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * Writes a span's ids into the MDC, or takes them out.
 */
final class MdcIds {

	private static final String SAMPLED = "01";

	private static final String NOT_SAMPLED = "00";

	private MdcIds() {
	}

	static void put(SpanContext span) {
		if (span.isValid()) {
			MDC.put(TraceMdc.TRACE_ID, span.getTraceId());
			MDC.put(TraceMdc.SPAN_ID, span.getSpanId());
			// The sampled flag alone: newer SDKs also set the W3C random flag (03), which logs need not show.
			MDC.put(TraceMdc.TRACE_FLAGS, span.isSampled() ? SAMPLED : NOT_SAMPLED);
		}
		else {
			MDC.remove(TraceMdc.TRACE_ID);
			MDC.remove(TraceMdc.SPAN_ID);
			MDC.remove(TraceMdc.TRACE_FLAGS);
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
			put(span);
		}
	}

}
