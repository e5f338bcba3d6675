package io.github.oteltracing.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.TraceState;

/**
 * Reads a {@code tracestate} header (its fields already combined with commas) by the W3C
 * Trace Context rules: empty members are skipped; of duplicated keys the leftmost member
 * is kept; a member that breaks the grammar, or more than 32 members, make the list
 * unparseable and it is discarded whole (as the W3C test suite expects); a list longer
 * than {@link #PROPAGATED_LENGTH} loses whole entries, those over 128 characters first.
 */
final class TraceStateHeader {

	/**
	 * The most characters of {@code tracestate} passed on: well above the 512 the
	 * specification asks for, and small enough that a downstream server with the usual
	 * 8 KB limit on request headers still accepts the request.
	 */
	static final int PROPAGATED_LENGTH = 4096;

	/** Entries over this length are the first to go when truncating. */
	private static final int LARGE_ENTRY_LENGTH = 128;

	private TraceStateHeader() {
	}

	/**
	 * Parses the header.
	 * @param header the combined header value, possibly {@code null}
	 * @return the trace state, empty when there is none or it cannot be parsed
	 */
	static TraceState parse(String header) {
		if (header == null) {
			return TraceState.getDefault();
		}
		Map<String, String> members = new LinkedHashMap<>();
		int count = 0;
		for (String listMember : header.split(",", -1)) {
			String member = stripOptionalWhitespace(listMember);
			if (member.isEmpty()) {
				continue;
			}
			int equals = member.indexOf('=');
			String key = (equals > 0) ? member.substring(0, equals) : null;
			String value = (equals > 0) ? member.substring(equals + 1) : null;
			if (++count > W3CTraceState.MAX_MEMBERS || !W3CTraceState.isValidKey(key)
					|| !W3CTraceState.isValidValue(value)) {
				return TraceState.getDefault();
			}
			members.putIfAbsent(key, value);
		}
		return W3CTraceState.of(truncate(members));
	}

	/** Spaces and tabs around a member are not part of it. */
	private static String stripOptionalWhitespace(String member) {
		int start = 0;
		int end = member.length();
		while (start < end && isOptionalWhitespace(member.charAt(start))) {
			start++;
		}
		while (end > start && isOptionalWhitespace(member.charAt(end - 1))) {
			end--;
		}
		return member.substring(start, end);
	}

	private static boolean isOptionalWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Drops whole entries until the list fits: entries larger than 128 characters first
	 * (the longest of them first), then from the end, as the specification says.
	 */
	private static Map<String, String> truncate(Map<String, String> members) {
		List<Map.Entry<String, String>> entries = new ArrayList<>(members.entrySet());
		int length = entries.size() - 1;
		for (Map.Entry<String, String> entry : entries) {
			length += length(entry);
		}
		if (length <= PROPAGATED_LENGTH) {
			return members;
		}
		while (length > PROPAGATED_LENGTH) {
			length -= length(entries.remove(indexToDrop(entries))) + (entries.isEmpty() ? 0 : 1);
		}
		Map<String, String> kept = new LinkedHashMap<>();
		entries.forEach((entry) -> kept.put(entry.getKey(), entry.getValue()));
		return kept;
	}

	private static int indexToDrop(List<Map.Entry<String, String>> entries) {
		int longest = -1;
		// From the end, so that of two equally long entries the right-most goes first.
		for (int i = entries.size() - 1; i >= 0; i--) {
			int length = length(entries.get(i));
			if (length > LARGE_ENTRY_LENGTH && (longest == -1 || length > length(entries.get(longest)))) {
				longest = i;
			}
		}
		return (longest != -1) ? longest : entries.size() - 1;
	}

	private static int length(Map.Entry<String, String> entry) {
		return entry.getKey().length() + 1 + entry.getValue().length();
	}

}
