package io.github.oteltracing.benchmarks;

import io.github.oteltracing.benchmarks.shared.CountingSpanExporter;
import io.github.oteltracing.benchmarks.shared.SetupChecks;
import io.github.oteltracing.benchmarks.shared.SpanPipeline;
import io.github.oteltracing.benchmarks.shared.Work;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
 * {@code @Traced} calls in a Spring Boot application with the starter's auto-configuration,
 * found through {@code AutoConfiguration.imports} as in a real application. The starter
 * builds the SDK; the benchmark's span processor is an application bean, which the starter
 * adds to its tracer provider, and the starter's own exporter is off.
 */
public final class StarterCalls {

	/** The interceptor that the starter's {@code @Traced} advisor runs. */
	static final String TRACED_INTERCEPTOR = "io.github.oteltracing.internal.traced.TracedMethodInterceptor";

	/** The instrumentation scope of {@code @Traced} spans. */
	static final String TRACED_SCOPE = "io.github.oteltracing.traced";

	private StarterCalls() {
	}

	@State(Scope.Benchmark)
	public static class Traced extends StarterCall {

		@Setup
		public void start() {
			start("traced", true);
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	@State(Scope.Benchmark)
	public static class TracedSampledOff extends StarterCall {

		@Setup
		public void start() {
			start("tracedSampledOff", false);
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	/**
	 * Diagnostic: {@code traced} without the starter's log correlation, which keeps the MDC
	 * in step with every span made current. Shows what that default costs per call.
	 */
	@State(Scope.Benchmark)
	public static class TracedMdcOff extends StarterCall {

		@Setup
		public void start() {
			start("tracedMdcOff", true, "tracing.logging.mdc=false");
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	/**
	 * Diagnostic: {@code tracedSampledOff} without the starter's log correlation.
	 */
	@State(Scope.Benchmark)
	public static class TracedSampledOffMdcOff extends StarterCall {

		@Setup
		public void start() {
			start("tracedSampledOffMdcOff", false, "tracing.logging.mdc=false");
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	/**
	 * A {@link TracedService} from a starter-configured context, checked before use.
	 */
	abstract static class StarterCall {

		public long input = Work.INPUT;

		public TracedService service;

		private ConfigurableApplicationContext context;

		void start(String variant, boolean sampled, String... properties) {
			CountingSpanExporter exporter = new CountingSpanExporter();
			this.context = run(sampled ? "always-on" : "always-off", SpanPipeline.processor(exporter), properties);
			this.service = this.context.getBean(TracedService.class);
			SetupChecks.requireAdvisedBy(variant, this.service, TRACED_INTERCEPTOR);
			SdkTracerProvider tracerProvider = this.context.getBean(SdkTracerProvider.class);
			if (sampled) {
				SetupChecks.requireExportedSpan(variant, this.service::work, exporter, tracerProvider::forceFlush,
						TRACED_SCOPE);
			}
			else {
				SetupChecks.requireUnsampledSpan(variant, this.service::work, exporter, tracerProvider::forceFlush);
			}
		}

		void close() {
			this.context.close();
		}

	}

	private static ConfigurableApplicationContext run(String samplingStrategy, SpanProcessor processor,
			String... properties) {
		ApplicationContextInitializer<GenericApplicationContext> registerProcessor = (context) -> context
			.registerBean(SpanProcessor.class, () -> processor);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class)
			.web(WebApplicationType.NONE)
			.initializers(registerProcessor)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
					"tracing.sampling.strategy=" + samplingStrategy,
					// Spans go to the benchmark's processor only: no OTLP exporter, no batch processor.
					"tracing.exporter.type=none")
			.properties(properties)
			.run();
		if (context.getBeanNamesForType(SpanProcessor.class).length != 1) {
			throw new IllegalStateException("Expected the benchmark's span processor only, found "
					+ context.getBeansOfType(SpanProcessor.class));
		}
		return context;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TracedApplication {

		// The SDK's default, as the other variants have: host and process detection are not measured.
		@Bean
		Resource resource() {
			return Resource.getDefault();
		}

		@Bean
		TracedService tracedService() {
			return new TracedService();
		}

	}

}
