package io.github.oteltracing.internal.http;

/**
 * The original client of a request that passed proxies: the first {@code for=} of the
 * {@code Forwarded} header (RFC 7239), else the first entry of {@code X-Forwarded-For}.
 * Both are whatever the caller sent: only a bounded prefix is read, nothing throws, and
 * a value that is not an address ({@code unknown}, an obfuscated {@code _node}, garbage)
 * counts as absent.
 */
public final class ForwardedClient {

	/** The standard header (RFC 7239). */
	public static final String FORWARDED = "Forwarded";

	/** The de-facto header that came before it. */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	/** Characters of a header looked at: the first hop is at the start. */
	private static final int MAX_SCANNED = 512;

	/** Longer than any IPv6 address with a zone, or a host name. */
	private static final int MAX_ADDRESS_LENGTH = 255;

	private static final String FOR = "for=";

	private static final String UNKNOWN = "unknown";

	private ForwardedClient() {
	}

	/**
	 * The original client's address, if the headers name one.
	 * @param forwarded the {@code Forwarded} header, or {@code null}
	 * @param forwardedFor the {@code X-Forwarded-For} header, or {@code null}
	 * @return the address, or {@code null}
	 */
	public static String address(String forwarded, String forwardedFor) {
		String address = (forwarded != null) ? fromForwarded(forwarded) : null;
		return (address == null && forwardedFor != null) ? fromForwardedFor(forwardedFor) : address;
	}

	// Pairs of the first element, up to its ',': for=192.0.2.60;proto=http;by=203.0.113.43
	private static String fromForwarded(String header) {
		int end = Math.min(header.length(), MAX_SCANNED);
		int start = 0;
		while (start < end) {
			int pairEnd = start;
			while (pairEnd < end && header.charAt(pairEnd) != ';' && header.charAt(pairEnd) != ',') {
				pairEnd++;
			}
			int pairStart = skipWhitespace(header, start, pairEnd);
			if (header.regionMatches(true, pairStart, FOR, 0, FOR.length())) {
				return node(header, pairStart + FOR.length(), pairEnd);
			}
			if (pairEnd < end && header.charAt(pairEnd) == ',') {
				return null;
			}
			start = pairEnd + 1;
		}
		return null;
	}

	private static String fromForwardedFor(String header) {
		int end = Math.min(header.length(), MAX_SCANNED);
		int comma = header.indexOf(',');
		return node(header, 0, (comma >= 0 && comma < end) ? comma : end);
	}

	// A node: "[2001:db8::1]:4711", 192.0.2.60:4711, 2001:db8::1 or a host name; quotes optional.
	private static String node(String header, int from, int to) {
		int start = skipWhitespace(header, from, to);
		int end = to;
		while (end > start && Character.isWhitespace(header.charAt(end - 1))) {
			end--;
		}
		if (end - start >= 2 && header.charAt(start) == '"' && header.charAt(end - 1) == '"') {
			start++;
			end--;
		}
		if (start < end && header.charAt(start) == '[') {
			int close = header.indexOf(']', start);
			if (close < 0 || close >= end) {
				return null;
			}
			start++;
			end = close;
		}
		else {
			int colon = header.indexOf(':', start);
			int second = (colon >= 0 && colon < end) ? header.indexOf(':', colon + 1) : -1;
			if (colon >= 0 && colon < end && (second < 0 || second >= end)) {
				// One colon: an IPv4 address or host name with a port.
				end = colon;
			}
		}
		return isAddress(header, start, end) ? header.substring(start, end) : null;
	}

	private static boolean isAddress(String header, int start, int end) {
		if (start >= end || end - start > MAX_ADDRESS_LENGTH || header.charAt(start) == '_'
				|| (end - start == UNKNOWN.length() && header.regionMatches(true, start, UNKNOWN, 0, UNKNOWN.length()))) {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = header.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'
					|| c == ':' || c == '-' || c == '%';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static int skipWhitespace(String header, int from, int to) {
		int index = from;
		while (index < to && Character.isWhitespace(header.charAt(index))) {
			index++;
		}
		return index;
	}

}
