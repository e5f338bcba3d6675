package io.github.oteltracing.redaction;

/**
 * What happens to the value of a redacted attribute ({@code tracing.redaction.mode}).
 */
public enum RedactionMode {

	/**
	 * The value is replaced by {@code ****}; in URLs by {@code REDACTED}, and credentials
	 * by {@code REDACTED:REDACTED}, as the semantic conventions spell it.
	 */
	MASK("mask"),

	/**
	 * The value is replaced by the hex SHA-256 hash of its text: equal values stay
	 * comparable across spans without being readable.
	 */
	HASH("hash"),

	/**
	 * The attribute is removed; in URLs, the parameter or the credentials.
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
