package io.github.oteltracing.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import io.github.oteltracing.internal.logging.BaggageMdcRegistration;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baggage settings as Spring Boot discovers the auto-configurations: the policy on the
 * propagators, tag fields on spans, the MDC registration and Micrometer's baggage API on
 * the starter's own tracer (no actuator).
 */
class BaggageAutoConfigurationTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.type=none");

	@Test
	void listedFieldsFilterWhatComesInAndGoesOut() {
		this.runner.withPropertyValues("tracing.baggage.fields=customer.id").run((context) -> {
			TextMapPropagator propagator = context.getBean(OpenTelemetry.class).getPropagators().getTextMapPropagator();
			Context extracted = propagator.extract(Context.root(), Map.of("baggage", "customer.id=c-1,role=admin"),
					MapGetter.INSTANCE);
			assertThat(Baggage.fromContext(extracted).asMap()).containsOnlyKeys("customer.id");
			Map<String, String> headers = new HashMap<>();
			propagator.inject(Context.root().with(Baggage.builder().put("customer.id", "c-2").put("x", "y").build()),
					headers, Map::put);
			assertThat(headers).containsEntry("baggage", "customer.id=c-2");
		});
	}

	@Test
	void nothingListedPassesEverythingThrough() {
		this.runner.run((context) -> {
			TextMapPropagator propagator = context.getBean(OpenTelemetry.class).getPropagators().getTextMapPropagator();
			Context extracted = propagator.extract(Context.root(), Map.of("baggage", "role=admin"), MapGetter.INSTANCE);
			assertThat(Baggage.fromContext(extracted).getEntryValue("role")).isEqualTo("admin");
		});
	}

	@Test
	void tagFieldsGoOntoEverySpan() {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		this.runner.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(exporter))
			.withPropertyValues("tracing.baggage.tag-fields=customer.id")
			.run((context) -> {
				OpenTelemetry openTelemetry = context.getBean(OpenTelemetry.class);
				try (Scope scope = Baggage.builder().put("customer.id", "c-3").build().makeCurrent()) {
					openTelemetry.getTracer("test").spanBuilder("work").startSpan().end();
				}
				assertThat(exporter.getFinishedSpanItems().get(0).getAttributes().asMap().values()).contains("c-3");
			});
	}

	@Test
	void correlationFieldsNeedTheMdcSetting() {
		this.runner.withPropertyValues("tracing.baggage.correlation-fields=customer.id")
			.run((context) -> assertThat(context).hasSingleBean(BaggageMdcRegistration.class));
		this.runner.withPropertyValues("tracing.logging.mdc=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BaggageMdcRegistration.class));
	}

	@Test
	void micrometerBaggageReachesOpenTelemetryBaggage() {
		this.runner.withPropertyValues("tracing.baggage.fields=customer.id").run((context) -> {
			Tracer tracer = context.getBean(Tracer.class);
			try (BaggageInScope baggage = tracer.createBaggageInScope("customer.id", "c-4")) {
				assertThat(Baggage.current().getEntryValue("customer.id")).isEqualTo("c-4");
			}
			assertThat(Baggage.current().getEntryValue("customer.id")).isNull();
		});
	}

	@Test
	void disabledTracingDefinesNothing() {
		this.runner.withPropertyValues("tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BaggageMdcRegistration.class)
				.doesNotHaveBean(BaggageProperties.class));
	}

	private enum MapGetter implements io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> {

		INSTANCE;

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	}

}
