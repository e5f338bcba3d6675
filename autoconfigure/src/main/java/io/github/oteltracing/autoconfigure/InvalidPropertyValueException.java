package io.github.oteltracing.autoconfigure;

/**
 * A {@code tracing.*} value that makes no sense. Most are thrown by the properties'
 * setters during binding, so Spring Boot knows the property's name, value and origin;
 * values that can only be checked later (a certificate file, say) name them here.
 * {@link TracingConfigurationFailureAnalyzer} turns either into a short report.
 */
class InvalidPropertyValueException extends IllegalArgumentException {

	private final String property;

	private final Object value;

	private final String accepted;

	InvalidPropertyValueException(String problem, String accepted) {
		this(null, null, problem, accepted);
	}

	InvalidPropertyValueException(String property, Object value, String problem, String accepted) {
		super(problem);
		this.property = property;
		this.value = value;
		this.accepted = accepted;
	}

	/**
	 * The property, when the exception was not thrown while binding it.
	 */
	String getProperty() {
		return this.property;
	}

	Object getValue() {
		return this.value;
	}

	/**
	 * Describes the accepted values, for example {@code "a number from 0.0 to 1.0"}.
	 */
	String getAccepted() {
		return this.accepted;
	}

	static void requirePositive(long value) {
		if (value <= 0) {
			throw new InvalidPropertyValueException("must be positive", "a whole number greater than 0");
		}
	}

}
