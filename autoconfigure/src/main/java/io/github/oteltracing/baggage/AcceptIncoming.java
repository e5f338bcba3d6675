package io.github.oteltracing.baggage;

/**
 * Which baggage entries a service keeps from its callers ({@code tracing.baggage.accept-incoming}).
 */
public enum AcceptIncoming {

	/**
	 * Only the entries listed in {@code tracing.baggage.fields}.
	 */
	LISTED,

	/**
	 * Every entry, as the W3C and OpenTelemetry defaults do.
	 */
	ALL,

	/**
	 * None: for edge services that face untrusted clients.
	 */
	NONE

}
