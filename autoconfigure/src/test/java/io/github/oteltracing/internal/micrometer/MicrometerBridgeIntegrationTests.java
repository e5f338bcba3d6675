package io.github.oteltracing.internal.micrometer;

import java.util.List;

import io.github.oteltracing.annotation.Traced;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's actuator on the classpath: Micrometer's Tracer and the Observation
 * API run on the starter's SDK, in the same traces as {@code @Traced}, and
 * {@code tracing.enabled=false} silences Spring Boot's tracing as well.
 */
class MicrometerBridgeIntegrationTests {

	@Test
	void observationsAndMicrometerSpansJoinTracedSpans() {
		try (ConfigurableApplicationContext context = start()) {
			InMemorySpanExporter exporter = context.getBean(InMemorySpanExporter.class);
			assertThat(context.getBeansOfType(SdkTracerProvider.class)).hasSize(1);
			context.getBean(Work.class).processOrder();
			List<SpanData> spans = exporter.getFinishedSpanItems();
			assertThat(spans).extracting(SpanData::getName)
				.containsExactlyInAnyOrder("observed-step", "micrometer-step", "process-order");
			SpanData traced = spans.stream().filter((span) -> span.getName().equals("process-order")).findFirst().get();
			assertThat(spans).allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(traced.getTraceId()));
			assertThat(spans).filteredOn((span) -> span != traced)
				.allSatisfy((span) -> assertThat(span.getParentSpanId()).isEqualTo(traced.getSpanId()));
			assertThat(traced.getKind()).isEqualTo(SpanKind.INTERNAL);
		}
	}

	@Test
	void disablingTracingSilencesSpringBootsTracingToo() {
		try (ConfigurableApplicationContext context = start("tracing.enabled=false")) {
			assertThat(context.getBeansOfType(SdkTracerProvider.class)).isEmpty();
			assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
			context.getBean(Work.class).processOrder();
			assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "tracing.exporter.type=none", "logging.level.root=warn")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SpanProcessor inMemorySpanProcessor(InMemorySpanExporter exporter) {
			return SimpleSpanProcessor.create(exporter);
		}

		@Bean
		Work work(ObservationRegistry observations, Tracer tracer) {
			return new Work(observations, tracer);
		}

	}

	static class Work {

		private final ObservationRegistry observations;

		private final Tracer tracer;

		Work(ObservationRegistry observations, Tracer tracer) {
			this.observations = observations;
			this.tracer = tracer;
		}

		@Traced
		public void processOrder() {
			Observation.createNotStarted("observed-step", this.observations).observe(() -> {
			});
			io.micrometer.tracing.Span span = this.tracer.nextSpan().name("micrometer-step").start();
			span.end();
		}

	}

}
