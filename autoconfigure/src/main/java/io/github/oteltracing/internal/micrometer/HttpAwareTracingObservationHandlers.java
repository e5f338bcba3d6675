package io.github.oteltracing.internal.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Spring Boot's three tracing observation handlers, except that they make no spans for
 * HTTP observations: those keep producing metrics, while their one span per request comes
 * from the starter's filters and interceptors, or from nowhere where the starter's switch
 * for that side is off. Without this, an application with actuator would get two spans
 * per request, or Spring's spans where the user switched HTTP tracing off. The
 * propagating handlers pass HTTP observations on, so the fallback handler, which every
 * observation reaches, keeps their tracing context.
 */
public final class HttpAwareTracingObservationHandlers {

	private HttpAwareTracingObservationHandlers() {
	}

	/**
	 * The fallback handler. For HTTP observations it creates no span but still leaves the
	 * tracing context that other handlers (Micrometer's tracing-aware meter handler, for
	 * exemplars) require, holding the span current at the start, if any.
	 * @param tracer Micrometer's tracer over the SDK
	 * @return the handler
	 */
	public static DefaultTracingObservationHandler defaultHandler(Tracer tracer) {
		return new DefaultTracingObservationHandler(tracer) {

			@Override
			public void onStart(Observation.Context context) {
				if (InstrumentedObservations.isInstrumented(context)) {
					context.computeIfAbsent(TracingContext.class, (key) -> new TracingContext())
						.setSpan(tracer.currentSpan());
					return;
				}
				super.onStart(context);
			}

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onEvent(event, context);
				}
			}

			@Override
			public void onError(Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onError(context);
				}
			}

			@Override
			public void onStop(Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onStop(context);
				}
			}

			@Override
			public void onScopeOpened(Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onScopeOpened(context);
				}
			}

			@Override
			public void onScopeClosed(Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onScopeClosed(context);
				}
			}

			@Override
			public void onScopeReset(Observation.Context context) {
				if (!InstrumentedObservations.isInstrumented(context)) {
					super.onScopeReset(context);
				}
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
