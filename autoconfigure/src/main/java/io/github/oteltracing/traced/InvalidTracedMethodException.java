package io.github.oteltracing.traced;

/**
 * A {@code @Traced} method that cannot be traced as written. Thrown while its bean is
 * proxied, so the application stops at start-up; the starter's failure analyzer
 * reports it.
 */
public final class InvalidTracedMethodException extends IllegalStateException {

	/** What to change, for the failure report. */
	private final String action;

	/**
	 * Creates the exception for one method.
	 * @param method the method, as the report names it
	 * @param problem why it cannot be traced
	 * @param action what to change so that it can
	 */
	public InvalidTracedMethodException(String method, String problem, String action) {
		super("@Traced method " + method + " cannot be traced: " + problem + ".");
		this.action = action;
	}

	/**
	 * What to change so that the method can be traced.
	 * @return the action, for a failure report
	 */
	public String getAction() {
		return this.action;
	}

}
