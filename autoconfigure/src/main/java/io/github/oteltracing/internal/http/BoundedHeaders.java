package io.github.oteltracing.internal.http;

import java.util.Iterator;

import io.github.oteltracing.internal.propagation.W3CBaggage;

/**
 * Limits on incoming trace headers. Propagators already reject malformed values; these
 * limits keep a hostile client from making them parse (and keep) megabytes.
 */
public final class BoundedHeaders {

	/** Trace ids of the fixed-size formats (B3, Jaeger) need far less. */
	private static final int MAX_TRACE_HEADER_LENGTH = 512;

	/**
	 * W3C Trace Context: a {@code tracestate} of 32 members of 513 characters is valid, and
	 * a {@code traceparent} of a future version may be longer than today's 55 characters.
	 */
	private static final int MAX_TRACE_CONTEXT_LENGTH = 32 * 1024;

	/** W3C Baggage allows 8192 bytes in total; beyond, whole members are dropped. */
	private static final int MAX_BAGGAGE_LENGTH = 8192;

	private static final String BAGGAGE = "baggage";

	private BoundedHeaders() {
	}

	/**
	 * Returns the value, or {@code null} (as if absent) when it is longer than the header
	 * may be; of a longer {@code baggage}, the whole members that fit.
	 * @param name the header name
	 * @param value the header value, possibly {@code null}
	 * @return the value or {@code null}
	 */
	public static String bound(String name, String value) {
		if (value == null) {
			return null;
		}
		if (value.length() > MAX_BAGGAGE_LENGTH && BAGGAGE.equalsIgnoreCase(name)) {
			return W3CBaggage.bound(value);
		}
		return (value.length() <= limit(name)) ? value : null;
	}

	/**
	 * Returns the fields of a header combined into one value, joined with commas in order
	 * as RFC 9110 (section 5.3) says, or {@code null} when there is none or the result is
	 * longer than the header may be. A header that allows one field only is then invalid,
	 * as it should be.
	 * @param name the header name
	 * @param fields the values of the header's fields, in order; possibly {@code null}
	 * @return the combined value or {@code null}
	 */
	public static String combine(String name, Iterator<String> fields) {
		if (fields == null || !fields.hasNext()) {
			return null;
		}
		String first = fields.next();
		if (!fields.hasNext()) {
			return bound(name, first);
		}
		int limit = limit(name);
		StringBuilder combined = new StringBuilder(first);
		while (fields.hasNext() && combined.length() <= limit) {
			combined.append(',').append(fields.next());
		}
		return bound(name, combined.toString());
	}

	private static int limit(String name) {
		if (BAGGAGE.equalsIgnoreCase(name)) {
			return MAX_BAGGAGE_LENGTH;
		}
		if ("traceparent".equalsIgnoreCase(name) || "tracestate".equalsIgnoreCase(name)) {
			return MAX_TRACE_CONTEXT_LENGTH;
		}
		return MAX_TRACE_HEADER_LENGTH;
	}

}
