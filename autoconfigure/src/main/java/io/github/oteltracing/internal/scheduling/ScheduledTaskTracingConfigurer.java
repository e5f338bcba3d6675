package io.github.oteltracing.internal.scheduling;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * Traces runs of {@code @Scheduled} methods through the observation Spring makes of each
 * run. Where the application observes scheduled tasks itself (Spring Boot does with
 * actuator), the handler is one of the application's handler beans and so in its
 * registry; otherwise the scheduler is given a registry that holds the handler only.
 */
public final class ScheduledTaskTracingConfigurer implements SchedulingConfigurer {

	private final ScheduledTaskTracingHandler handler;

	private final ObservationRegistry registry = ObservationRegistry.create();

	/**
	 * @param openTelemetry where the tracer comes from, resolved on the first run
	 */
	public ScheduledTaskTracingConfigurer(ObjectProvider<OpenTelemetry> openTelemetry) {
		this.handler = new ScheduledTaskTracingHandler(openTelemetry);
		this.registry.observationConfig().observationHandler(this.handler);
	}

	/**
	 * The handler that makes the spans, for the application's observation registry.
	 * @return the handler
	 */
	public ObservationHandler<ScheduledTaskObservationContext> handler() {
		return this.handler;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		ObservationRegistry current = registrar.getObservationRegistry();
		if (current == null || current.isNoop()) {
			registrar.setObservationRegistry(this.registry);
		}
	}

}
