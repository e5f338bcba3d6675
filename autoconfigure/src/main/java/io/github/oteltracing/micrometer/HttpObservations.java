package io.github.oteltracing.micrometer;

import java.util.Set;

import io.micrometer.observation.Observation;

/**
 * Recognises the Observation contexts of Spring's HTTP instrumentation, whose spans the
 * starter's own HTTP filters and interceptors already create, and those of other
 * instrumentations the starter has its own spans for.
 */
public final class HttpObservations {

	private static final Set<String> SERVER_CONTEXTS = Set.of(
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext");

	private static final Set<String> CLIENT_CONTEXTS = Set.of(
			"org.springframework.http.client.observation.ClientRequestObservationContext",
			"org.springframework.web.reactive.function.client.ClientRequestObservationContext");

	private final boolean server;

	private final boolean client;

	private final Set<String> others;

	/**
	 * @param server whether the starter traces incoming requests
	 * @param client whether the starter traces outgoing requests
	 */
	public HttpObservations(boolean server, boolean client) {
		this(server, client, Set.of());
	}

	/**
	 * @param server whether the starter traces incoming requests
	 * @param client whether the starter traces outgoing requests
	 * @param others other context types the starter traces (messaging, scheduled tasks)
	 */
	public HttpObservations(boolean server, boolean client, Set<String> others) {
		this.server = server;
		this.client = client;
		this.others = Set.copyOf(others);
	}

	/**
	 * Whether the context is one the starter traces already.
	 * @param context an observation context
	 * @return {@code true} if no span should be made for it
	 */
	public boolean isTracedElsewhere(Observation.Context context) {
		String type = context.getClass().getName();
		return (this.server && SERVER_CONTEXTS.contains(type)) || (this.client && CLIENT_CONTEXTS.contains(type))
				|| this.others.contains(type);
	}

}
