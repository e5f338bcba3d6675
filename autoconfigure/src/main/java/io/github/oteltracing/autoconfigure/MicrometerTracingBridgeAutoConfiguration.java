package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.micrometer.HttpAwareTracingObservationHandlers;
import io.github.oteltracing.micrometer.HttpObservations;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Micrometer Tracing on the starter's SDK, so that {@code @NewSpan}, {@code @Observed}
 * and the Observation API join the same traces. With actuator, Spring Boot defines the
 * bridge itself (on the starter's {@link OpenTelemetry}) and this only keeps its
 * observation handlers from duplicating HTTP spans; without actuator, this defines the
 * bridge.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class,
		afterName = "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
		beforeName = "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration")
@ConditionalOnTracingEnabled
@ConditionalOnClass({ OtelTracer.class, OpenTelemetry.class })
@ConditionalOnBean(OpenTelemetry.class)
@EnableConfigurationProperties(HttpTracingProperties.class)
public final class MicrometerTracingBridgeAutoConfiguration {

	// Spring Boot's own orders for these handlers, so that grouping works the same.
	static final int RECEIVER_HANDLER_ORDER = 1000;

	static final int SENDER_HANDLER_ORDER = 2000;

	static final int DEFAULT_HANDLER_ORDER = Integer.MAX_VALUE - 1000;

	@Bean
	@ConditionalOnMissingBean(io.micrometer.tracing.Tracer.class)
	OtelTracer micrometerOtelTracer(OpenTelemetry openTelemetry) {
		Slf4JEventListener mdc = new Slf4JEventListener();
		return new OtelTracer(openTelemetry.getTracer("io.github.oteltracing.micrometer"), new OtelCurrentTraceContext(),
				mdc::onEvent);
	}

	@Bean
	@ConditionalOnMissingBean(Propagator.class)
	OtelPropagator micrometerOtelPropagator(OpenTelemetry openTelemetry) {
		return new OtelPropagator(openTelemetry.getPropagators(), openTelemetry.getTracer("io.github.oteltracing.micrometer"));
	}

	/**
	 * Replaces Spring Boot's tracing observation handlers (which back off for beans of
	 * their types) with ones that skip HTTP observations.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationHandler")
	static class ObservationHandlersConfiguration {

		@Bean
		HttpObservations tracingHttpObservations(HttpTracingProperties properties) {
			return new HttpObservations(properties.getServer().isEnabled(), properties.getClient().isEnabled());
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(DEFAULT_HANDLER_ORDER)
		DefaultTracingObservationHandler defaultTracingObservationHandler(io.micrometer.tracing.Tracer tracer,
				HttpObservations http) {
			return HttpAwareTracingObservationHandlers.defaultHandler(tracer, http);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(SENDER_HANDLER_ORDER)
		PropagatingSenderTracingObservationHandler<?> propagatingSenderTracingObservationHandler(
				io.micrometer.tracing.Tracer tracer, Propagator propagator, HttpObservations http) {
			return HttpAwareTracingObservationHandlers.senderHandler(tracer, propagator, http);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(RECEIVER_HANDLER_ORDER)
		PropagatingReceiverTracingObservationHandler<?> propagatingReceiverTracingObservationHandler(
				io.micrometer.tracing.Tracer tracer, Propagator propagator, HttpObservations http) {
			return HttpAwareTracingObservationHandlers.receiverHandler(tracer, propagator, http);
		}

	}

}
