package io.github.oteltracing.propagation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;

/**
 * A {@link TraceState} whose keys follow the key grammar of the current W3C Trace Context
 * text, which allows {@code @} anywhere after the first character ({@code foo@},
 * {@code foo@bar@baz}). OpenTelemetry's own {@code TraceState} still applies the older
 * {@code tenant@vendor} rule and silently drops such members, so they would be lost
 * between an incoming and an outgoing request.
 */
final class W3CTraceState implements TraceState {

	static final int MAX_MEMBERS = 32;

	private static final int MAX_KEY_LENGTH = 256;

	private static final int MAX_VALUE_LENGTH = 256;

	/** Members in order, leftmost first. */
	private final Map<String, String> members;

	private W3CTraceState(Map<String, String> members) {
		this.members = Collections.unmodifiableMap(members);
	}

	/**
	 * Returns a trace state of the given members, or the empty default.
	 * @param members the members in order, valid and with distinct keys
	 * @return the trace state
	 */
	static TraceState of(Map<String, String> members) {
		return members.isEmpty() ? TraceState.getDefault() : new W3CTraceState(new LinkedHashMap<>(members));
	}

	/**
	 * Whether the key follows {@code key = ( lcalpha / DIGIT ) 0*255 ( keychar )}.
	 * @param key the key
	 * @return whether it is valid
	 */
	static boolean isValidKey(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || !isLowercaseAlphaOrDigit(key.charAt(0))) {
			return false;
		}
		for (int i = 1; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!isLowercaseAlphaOrDigit(c) && c != '_' && c != '-' && c != '*' && c != '/' && c != '@') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the value is 1 to 256 printable ASCII characters other than {@code ,} and
	 * {@code =}, not ending in a space.
	 * @param value the value
	 * @return whether it is valid
	 */
	static boolean isValidValue(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH
				|| value.charAt(value.length() - 1) == ' ') {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
				return false;
			}
		}
		return true;
	}

	private static boolean isLowercaseAlphaOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	@Override
	public String get(String key) {
		return (key != null) ? this.members.get(key) : null;
	}

	@Override
	public int size() {
		return this.members.size();
	}

	@Override
	public boolean isEmpty() {
		return this.members.isEmpty();
	}

	@Override
	public void forEach(BiConsumer<String, String> consumer) {
		this.members.forEach(consumer);
	}

	@Override
	public Map<String, String> asMap() {
		return this.members;
	}

	@Override
	public TraceStateBuilder toBuilder() {
		return new Builder(this.members);
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof W3CTraceState state
				&& new ArrayList<>(this.members.entrySet()).equals(new ArrayList<>(state.members.entrySet())));
	}

	@Override
	public int hashCode() {
		return this.members.hashCode();
	}

	@Override
	public String toString() {
		return "W3CTraceState" + this.members;
	}

	/**
	 * Applies the mutations the specification allows: a member put is moved to the left
	 * (replacing one of the same key); past 32 members the right-most is removed.
	 */
	private static final class Builder implements TraceStateBuilder {

		/** Members in reverse order, so that putting one to the left is appending. */
		private final List<Map.Entry<String, String>> reversed = new ArrayList<>();

		Builder(Map<String, String> members) {
			members.forEach((key, value) -> this.reversed.add(0, Map.entry(key, value)));
		}

		@Override
		public TraceStateBuilder put(String key, String value) {
			if (isValidKey(key) && isValidValue(value)) {
				remove(key);
				this.reversed.add(Map.entry(key, value));
				if (this.reversed.size() > MAX_MEMBERS) {
					this.reversed.remove(0);
				}
			}
			return this;
		}

		@Override
		public TraceStateBuilder remove(String key) {
			this.reversed.removeIf((member) -> member.getKey().equals(key));
			return this;
		}

		@Override
		public TraceState build() {
			Map<String, String> members = new LinkedHashMap<>();
			for (int i = this.reversed.size() - 1; i >= 0; i--) {
				members.put(this.reversed.get(i).getKey(), this.reversed.get(i).getValue());
			}
			return of(members);
		}

	}

}
