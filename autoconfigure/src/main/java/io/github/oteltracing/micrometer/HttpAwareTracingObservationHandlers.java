package io.github.oteltracing.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Spring Boot's three tracing observation handlers, except that they leave HTTP
 * observations alone: those keep producing metrics, while their one span per request
 * comes from the starter's filters and interceptors. Without this, an application with
 * actuator would get two spans per request.
 */
public final class HttpAwareTracingObservationHandlers {

	private HttpAwareTracingObservationHandlers() {
	}

	public static DefaultTracingObservationHandler defaultHandler(Tracer tracer, HttpObservations http) {
		return new DefaultTracingObservationHandler(tracer) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !http.isTracedElsewhere(context) && super.supportsContext(context);
			}

		};
	}

	public static PropagatingSenderTracingObservationHandler<SenderContext<?>> senderHandler(Tracer tracer,
			Propagator propagator, HttpObservations http) {
		return new PropagatingSenderTracingObservationHandler<>(tracer, propagator) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !http.isTracedElsewhere(context) && super.supportsContext(context);
			}

		};
	}

	public static PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> receiverHandler(Tracer tracer,
			Propagator propagator, HttpObservations http) {
		return new PropagatingReceiverTracingObservationHandler<>(tracer, propagator) {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return !http.isTracedElsewhere(context) && super.supportsContext(context);
			}

		};
	}

}
