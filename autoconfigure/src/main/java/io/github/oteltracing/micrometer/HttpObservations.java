package io.github.oteltracing.micrometer;

import java.util.Set;

import io.micrometer.observation.Observation;

/**
 * Recognises the Observation contexts of Spring's HTTP instrumentation. They never get a
 * span from an observation handler: with a side's tracing on, the starter's filters and
 * interceptors make its one span per request; with it off
 * ({@code tracing.http.server.enabled=false}, {@code tracing.http.client.enabled=false}),
 * nothing does. Either way the observations keep producing Spring's HTTP metrics.
 */
public final class HttpObservations {

	private static final Set<String> CONTEXTS = Set.of(
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext",
			"org.springframework.http.client.observation.ClientRequestObservationContext",
			"org.springframework.web.reactive.function.client.ClientRequestObservationContext");

	private HttpObservations() {
	}

	/**
	 * Whether the context is one of Spring's HTTP server or client observations.
	 * @param context an observation context
	 * @return {@code true} if no span should be made for it
	 */
	public static boolean isHttp(Observation.Context context) {
		return CONTEXTS.contains(context.getClass().getName());
	}

}
