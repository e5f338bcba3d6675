package io.github.oteltracing.http;

/**
 * Limits on incoming trace headers. Propagators already reject malformed values; these
 * limits keep a hostile client from making them parse (and keep) megabytes.
 */
public final class BoundedHeaders {

	/** W3C allows 512 characters of tracestate; trace ids need far less. */
	private static final int MAX_TRACE_HEADER_LENGTH = 512;

	/** W3C Baggage allows 8192 bytes in total. */
	private static final int MAX_BAGGAGE_LENGTH = 8192;

	private BoundedHeaders() {
	}

	/**
	 * Returns the value, or {@code null} (as if absent) when it is longer than the header
	 * may be.
	 * @param name the header name
	 * @param value the header value, possibly {@code null}
	 * @return the value or {@code null}
	 */
	public static String bound(String name, String value) {
		if (value == null) {
			return null;
		}
		int limit = "baggage".equalsIgnoreCase(name) ? MAX_BAGGAGE_LENGTH : MAX_TRACE_HEADER_LENGTH;
		return (value.length() <= limit) ? value : null;
	}

}
