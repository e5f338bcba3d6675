package io.github.oteltracing.coexistence;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.acceptance.InventoryService;
import io.github.oteltracing.acceptance.ShopApplication;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6: with Spring Boot 4's {@code spring-boot-starter-opentelemetry} and actuator
 * beside the starter there is one SDK, the starter's, built from {@code tracing.*};
 * Spring Boot's Micrometer tracing runs on it, and nothing is traced twice. Spring
 * Boot's own settings for what the starter owns are given values here that would show
 * if they won.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootOpenTelemetryCoexistenceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private TraceSink sink;

	private ConfigurableApplicationContext context;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		this.context = new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE)
			.run("--spring.main.banner-mode=off", "--tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
					"--tracing.exporter.batch.schedule-delay=50ms",
					"--management.tracing.sampling.probability=0.0",
					"--management.tracing.propagation.type=b3",
					"--management.opentelemetry.resource-attributes.service.name=name-from-boot",
					"--management.opentelemetry.tracing.export.schedule-delay=1h");
	}

	@AfterAll
	void stop() {
		this.context.close();
		this.sink.close();
	}

	@BeforeEach
	void clear() {
		this.sink.clear();
	}

	@Test
	void oneSdkAndItIsTheStarters() {
		for (Class<?> type : List.of(OpenTelemetry.class, SdkTracerProvider.class, Sampler.class, Resource.class,
				ContextPropagators.class, BatchSpanProcessor.class, SpanExporter.class)) {
			String[] names = this.context.getBeanNamesForType(type);
			assertThat(names).as("beans of type %s", type.getName()).hasSize(1);
			assertThat(this.context.getBeanFactory().getBeanDefinition(names[0]).getResourceDescription())
				.as("where %s is defined", names[0])
				.contains("io/github/oteltracing/");
		}
		assertThat(this.context.getBean(OpenTelemetry.class).getPropagators().getTextMapPropagator().fields())
			.contains("traceparent", "baggage")
			.doesNotContain("b3");
		// Spring Boot's logs provider is part of the starter's SDK, so the OpenTelemetry bean carries logs too.
		assertThat(this.context.getBean(OpenTelemetry.class)).isInstanceOfSatisfying(OpenTelemetrySdk.class,
				(sdk) -> assertThat(sdk.getSdkLoggerProvider()).isSameAs(this.context.getBean(SdkLoggerProvider.class)));
	}

	@Test
	void micrometerObservationsAndTracedMethodsShareTheStartersTraces() {
		ObservationRegistry registry = this.context.getBean(ObservationRegistry.class);
		InventoryService inventory = this.context.getBean(InventoryService.class);
		Observation.createNotStarted("observed-restock", registry)
			.observe(() -> inventory.reserveStock("coexisting-sku", 3));
		// Exported although management.tracing.sampling.probability is 0.
		List<ReceivedSpan> spans = this.sink.awaitSpans(2, WAIT);
		ReceivedSpan observed = only(spans, "observed-restock");
		ReceivedSpan traced = only(spans, "reserve-stock");
		assertThat(traced.parentSpanId()).isEqualTo(observed.spanId());
		assertThat(traced.traceId()).isEqualTo(observed.traceId());
		assertThat(spans).extracting(ReceivedSpan::serviceName).containsOnly("acceptance-shop");
	}

	@Test
	void aSenderObservationIsOneSpan() throws Exception {
		Map<String, String> headers = new HashMap<>();
		SenderContext<Map<String, String>> sender = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
		sender.setCarrier(headers);
		sender.setRemoteServiceName("broker");
		Observation.createNotStarted("send-order", () -> sender, this.context.getBean(ObservationRegistry.class))
			.observe(() -> {
			});
		this.sink.awaitSpans(1, WAIT);
		Thread.sleep(300);
		assertThat(this.sink.spans()).singleElement()
			.satisfies((span) -> assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER));
		assertThat(headers).containsKey("traceparent");
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
		List<ReceivedSpan> named = spans.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(named).as("spans named %s in %s", name, spans).hasSize(1);
		return named.get(0);
	}

}
