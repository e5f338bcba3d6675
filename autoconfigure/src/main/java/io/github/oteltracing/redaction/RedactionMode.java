package io.github.oteltracing.redaction;

/**
 * What happens to the value of a redacted attribute ({@code tracing.redaction.mode}).
 */
public enum RedactionMode {

	/**
	 * The value is replaced by {@code ****}.
	 */
	MASK("mask"),

	/**
	 * The value is replaced by the hex SHA-256 hash of its text: equal values stay
	 * comparable across spans without being readable.
	 */
	HASH("hash"),

	/**
	 * The attribute is removed.
	 */
	DROP("drop");

	private final String value;

	RedactionMode(String value) {
		this.value = value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
