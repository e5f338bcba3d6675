package io.github.oteltracing.internal.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Spring Boot's three tracing observation handlers, except that they make no spans for
 * the observations of what the starter instruments itself (HTTP, Kafka, scheduled tasks),
 * plus a fourth, first in line, that claims those observations. They keep producing metrics,
 * while their one span comes from the starter's filters and interceptors, or from nowhere
 * where the starter's switch for that side is off. Without this, an application with
 * actuator would get two spans per request, or spans where the user switched tracing off.
 */
public final class HttpAwareTracingObservationHandlers {

	private HttpAwareTracingObservationHandlers() {
	}

	/**
	 * The handler that claims the observations of what the starter instruments itself (see
	 * {@link InstrumentedObservations}), ahead of every other tracing handler, Spring Cloud
	 * Gateway's own included: it creates no span and opens no scope, but leaves the tracing
	 * context that other handlers (Micrometer's tracing-aware meter handler, for exemplars)
	 * require, holding the span current at the start, if any.
	 * @param tracer Micrometer's tracer over the SDK
	 * @return the handler
	 */
	public static TracingObservationHandler<Observation.Context> untracedHandler(Tracer tracer) {
		return new TracingObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return InstrumentedObservations.isInstrumented(context);
			}

			@Override
			public void onStart(Observation.Context context) {
				context.computeIfAbsent(TracingContext.class, (key) -> new TracingContext()).setSpan(tracer.currentSpan());
			}

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
			}

			@Override
			public void onError(Observation.Context context) {
			}

			@Override
			public void onScopeOpened(Observation.Context context) {
			}

			@Override
			public void onScopeClosed(Observation.Context context) {
			}

			@Override
			public void onScopeReset(Observation.Context context) {
			}

			@Override
			public Tracer getTracer() {
				return tracer;
			}

		};
	}

	/**
	 * The fallback handler, for every observation that Micrometer traces.
	 * @param tracer Micrometer's tracer over the SDK
	 * @return the handler
	 */
	public static DefaultTracingObservationHandler defaultHandler(Tracer tracer) {
		return new DefaultTracingObservationHandler(tracer) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !InstrumentedObservations.isInstrumented(context) && super.supportsContext(context);
			}

		};
	}

	/**
	 * The handler that starts client spans and injects their context, for every sender
	 * observation but HTTP ones.
	 * @param tracer Micrometer's tracer over the SDK
	 * @param propagator the propagator that writes the context into the request
	 * @return the handler
	 */
	public static PropagatingSenderTracingObservationHandler<SenderContext<?>> senderHandler(Tracer tracer,
			Propagator propagator) {
		return new PropagatingSenderTracingObservationHandler<>(tracer, propagator) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !InstrumentedObservations.isInstrumented(context) && super.supportsContext(context);
			}

		};
	}

	/**
	 * The handler that extracts the caller's context and starts server spans, for every
	 * receiver observation but HTTP ones.
	 * @param tracer Micrometer's tracer over the SDK
	 * @param propagator the propagator that reads the context from the request
	 * @return the handler
	 */
	public static PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> receiverHandler(Tracer tracer,
			Propagator propagator) {
		return new PropagatingReceiverTracingObservationHandler<>(tracer, propagator) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !InstrumentedObservations.isInstrumented(context) && super.supportsContext(context);
			}

		};
	}

}
