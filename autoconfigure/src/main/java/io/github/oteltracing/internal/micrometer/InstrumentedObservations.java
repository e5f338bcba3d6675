package io.github.oteltracing.internal.micrometer;

import java.util.Set;

import io.micrometer.observation.Observation;

/**
 * Recognises the Observation contexts of what the starter instruments itself: Spring's
 * HTTP server and client requests, Spring Cloud Gateway's routed requests, spring-kafka's
 * sends and receives, and Spring's scheduled task runs. They never get a span from
 * Micrometer's tracing handlers: with the starter's instrumentation on, it makes the one
 * span; with it off ({@code tracing.http.server.enabled=false},
 * {@code tracing.kafka.enabled=false}, ...), nothing does. Either way the observations
 * keep producing their metrics.
 */
public final class InstrumentedObservations {

	private static final Set<String> CONTEXTS = Set.of(
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext",
			"org.springframework.http.client.observation.ClientRequestObservationContext",
			"org.springframework.web.reactive.function.client.ClientRequestObservationContext",
			"org.springframework.cloud.gateway.filter.headers.observation.GatewayContext",
			"org.springframework.kafka.support.micrometer.KafkaRecordSenderContext",
			"org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext",
			"org.springframework.scheduling.support.ScheduledTaskObservationContext");

	// Asked by every tracing handler on every event of every observation.
	private static final ClassValue<Boolean> INSTRUMENTED = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return CONTEXTS.contains(type.getName());
		}

	};

	private InstrumentedObservations() {
	}

	/**
	 * Whether the context is one of the observations the starter instruments itself.
	 * @param context an observation context
	 * @return {@code true} if Micrometer's tracing handlers should make no span for it
	 */
	public static boolean isInstrumented(Observation.Context context) {
		return INSTRUMENTED.get(context.getClass());
	}

}
