package io.github.oteltracing.benchmarks.peer;

import io.github.oteltracing.benchmarks.shared.CountingSpanExporter;
import io.github.oteltracing.benchmarks.shared.SetupChecks;
import io.github.oteltracing.benchmarks.shared.SpanPipeline;
import io.github.oteltracing.benchmarks.shared.Work;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;

/**
 * {@code @WithSpan} calls in a Spring Boot application with the OpenTelemetry starter's
 * auto-configuration. The starter builds its SDK; the benchmark's batch processor is added
 * through the starter's documented customizer hook, with its own exporters off.
 */
public final class OtelStarterCalls {

	/** The instrumentation scope of the starter's {@code @WithSpan} spans. */
	static final String WITH_SPAN_SCOPE = "io.opentelemetry.spring-boot-autoconfigure";

	static final String WITH_SPAN_ASPECT = "io.opentelemetry.instrumentation.spring.autoconfigure.internal.instrumentation.annotations.InstrumentationWithSpanAspect";

	private OtelStarterCalls() {
	}

	@State(Scope.Benchmark)
	public static class WithSpan {

		public long input = Work.INPUT;

		public WithSpanService service;

		private ConfigurableApplicationContext context;

		@Setup
		public void start() {
			CountingSpanExporter exporter = new CountingSpanExporter();
			SpanProcessor processor = SpanPipeline.processor(exporter);
			AutoConfigurationCustomizerProvider customizer = (autoConfiguration) -> autoConfiguration
				.addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(processor));
			ApplicationContextInitializer<GenericApplicationContext> registerCustomizer = (context) -> context
				.registerBean(AutoConfigurationCustomizerProvider.class, () -> customizer);
			this.context = new SpringApplicationBuilder(WithSpanApplication.class).web(WebApplicationType.NONE)
				.initializers(registerCustomizer)
				.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
						"otel.traces.sampler=always_on",
						// Spans go to the benchmark's processor only; nothing else is exported.
						"otel.traces.exporter=none", "otel.metrics.exporter=none", "otel.logs.exporter=none",
						// The SDK's default resource, as the other variants have. Cloud detectors
						// are off by default; kept off explicitly, as they would query metadata endpoints.
						"otel.java.enabled.resource.providers=io.opentelemetry.sdk.autoconfigure.EnvironmentResourceProvider",
						"otel.resource.providers.aws.enabled=false", "otel.resource.providers.azure.enabled=false",
						"otel.resource.providers.gcp.enabled=false",
						"otel.resource.providers.cloudfoundry.enabled=false",
						// No JVM metrics collection competing for the two cores.
						"otel.instrumentation.runtime-telemetry.enabled=false")
				.run();
			this.service = this.context.getBean(WithSpanService.class);
			SetupChecks.requireAdvisedBy("withSpan", this.service, WITH_SPAN_ASPECT);
			SetupChecks.requireExportedSpan("withSpan", this.service::work, exporter, processor::forceFlush,
					WITH_SPAN_SCOPE);
		}

		@TearDown
		public void stop() {
			// Shuts the starter's SDK down, and with it the processor.
			this.context.close();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WithSpanApplication {

		@Bean
		WithSpanService withSpanService() {
			return new WithSpanService();
		}

	}

}
