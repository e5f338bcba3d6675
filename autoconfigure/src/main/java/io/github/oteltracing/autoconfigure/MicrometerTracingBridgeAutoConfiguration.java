package io.github.oteltracing.autoconfigure;

import java.util.List;

import io.github.oteltracing.internal.StarterTracers;
import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.boot.SpringBootTypes;
import io.github.oteltracing.internal.micrometer.HttpAwareTracingObservationHandlers;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Micrometer Tracing on the starter's SDK, so that {@code @NewSpan}, {@code @Observed}
 * and the Observation API join the same traces. With actuator, Spring Boot defines the
 * bridge itself (on the starter's {@link OpenTelemetry}) and this only keeps its
 * observation handlers from duplicating HTTP spans; without actuator, this defines the
 * bridge.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class,
		afterName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_3,
				SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_4 },
		beforeName = { SpringBootAutoConfigurations.MICROMETER_TRACING_3, SpringBootAutoConfigurations.NOOP_TRACER_3,
				SpringBootAutoConfigurations.MICROMETER_TRACING_4, SpringBootAutoConfigurations.NOOP_TRACER_4 })
@ConditionalOnTracingEnabled
@ConditionalOnClass({ OtelTracer.class, OpenTelemetry.class })
@ConditionalOnBean(OpenTelemetry.class)
public final class MicrometerTracingBridgeAutoConfiguration {

	static final String MICROMETER_SCOPE = "io.github.oteltracing.micrometer";

	// Spring Boot's own orders for these handlers, so that grouping works the same.
	static final int RECEIVER_HANDLER_ORDER = 1000;

	static final int SENDER_HANDLER_ORDER = 2000;

	static final int DEFAULT_HANDLER_ORDER = Integer.MAX_VALUE - 1000;

	@Bean
	@ConditionalOnMissingBean(io.micrometer.tracing.Tracer.class)
	OtelTracer micrometerOtelTracer(OpenTelemetry openTelemetry, ObjectProvider<BaggageProperties> baggage) {
		Slf4JEventListener mdc = new Slf4JEventListener();
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		// Micrometer's baggage API on the same OpenTelemetry baggage; the starter tags spans
		// and fills the MDC itself, for spans and log lines from any source.
		BaggageProperties properties = baggage.getIfAvailable(BaggageProperties::new);
		return new OtelTracer(StarterTracers.tracer(openTelemetry, MICROMETER_SCOPE), currentTraceContext,
				mdc::onEvent, new OtelBaggageManager(currentTraceContext, properties.getFields(), List.of()));
	}

	@Bean
	@ConditionalOnMissingBean(Propagator.class)
	OtelPropagator micrometerOtelPropagator(OpenTelemetry openTelemetry) {
		return new OtelPropagator(openTelemetry.getPropagators(), StarterTracers.tracer(openTelemetry, MICROMETER_SCOPE));
	}

	/**
	 * Replaces Spring Boot's tracing observation handlers (which back off for beans of
	 * their types) with ones that never make spans for what the starter instruments,
	 * whether its instrumentation is on or off, and puts a handler that claims those
	 * observations ahead of every other tracing handler.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationHandler")
	static class ObservationHandlersConfiguration {

		// First of the tracing handlers: Spring Boot tries them in order and the first that
		// supports an observation traces it.
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		TracingObservationHandler<Observation.Context> untracedObservationHandler(io.micrometer.tracing.Tracer tracer) {
			return HttpAwareTracingObservationHandlers.untracedHandler(tracer);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(DEFAULT_HANDLER_ORDER)
		DefaultTracingObservationHandler defaultTracingObservationHandler(io.micrometer.tracing.Tracer tracer) {
			return HttpAwareTracingObservationHandlers.defaultHandler(tracer);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(SENDER_HANDLER_ORDER)
		PropagatingSenderTracingObservationHandler<?> propagatingSenderTracingObservationHandler(
				io.micrometer.tracing.Tracer tracer, Propagator propagator) {
			return HttpAwareTracingObservationHandlers.senderHandler(tracer, propagator);
		}

		@Bean
		@ConditionalOnMissingBean
		@Order(RECEIVER_HANDLER_ORDER)
		PropagatingReceiverTracingObservationHandler<?> propagatingReceiverTracingObservationHandler(
				io.micrometer.tracing.Tracer tracer, Propagator propagator) {
			return HttpAwareTracingObservationHandlers.receiverHandler(tracer, propagator);
		}

	}

	/**
	 * Groups the tracing handlers the way Spring Boot 4's own tracing does, for
	 * applications with its observation support (actuator) but without its tracing module:
	 * there, handlers outside a group would each handle every observation they support,
	 * giving a sender or receiver observation two spans.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SpringBootTypes.OBSERVATION_HANDLER_GROUP)
	@ConditionalOnMissingClass(SpringBootAutoConfigurations.MICROMETER_TRACING_4)
	@Import(ObservationHandlerGroupRegistrar.class)
	static class ObservationHandlerGroupConfiguration {

	}

	static class ObservationHandlerGroupRegistrar extends SpringBootTypedBeanRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			SpringBootTypes.register(registry, "openTelemetryTracingObservationHandlerGroup",
					ClassUtils.resolveClassName(SpringBootTypes.OBSERVATION_HANDLER_GROUP, classLoader()), ObservationHandlerGroupRegistrar.class,
					"observationHandlerGroup");
		}

		static Object observationHandlerGroup(BeanFactory beanFactory) {
			return SpringBootTypes.observationHandlerGroup(SpringBootTypes.classLoader(beanFactory),
					TracingObservationHandler.class);
		}

	}

}
