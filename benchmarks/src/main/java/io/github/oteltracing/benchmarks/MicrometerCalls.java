package io.github.oteltracing.benchmarks;

import java.util.List;

import io.github.oteltracing.benchmarks.shared.CountingSpanExporter;
import io.github.oteltracing.benchmarks.shared.SetupChecks;
import io.github.oteltracing.benchmarks.shared.SpanPipeline;
import io.github.oteltracing.benchmarks.shared.Work;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.aop.ObservedAspect;
import io.micrometer.tracing.annotation.DefaultNewSpanParser;
import io.micrometer.tracing.annotation.ImperativeMethodInvocationProcessor;
import io.micrometer.tracing.annotation.SpanAspect;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/**
 * Micrometer's annotations over the OpenTelemetry bridge, wired as Spring Boot's tracing
 * auto-configuration does, minus what it adds on top (log correlation listeners, baggage
 * fields, the propagating handlers): the least these annotations cost.
 */
public final class MicrometerCalls {

	private MicrometerCalls() {
	}

	@State(Scope.Benchmark)
	public static class NewSpan {

		public long input = Work.INPUT;

		public NewSpanService service;

		private AnnotationConfigApplicationContext context;

		private SdkTracerProvider tracerProvider;

		@Setup
		public void start() {
			CountingSpanExporter exporter = new CountingSpanExporter();
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(exporter), Sampler.alwaysOn());
			OtelTracer tracer = bridge(this.tracerProvider);
			this.context = new AnnotationConfigApplicationContext();
			this.context.register(AspectJProxies.class);
			this.context.registerBean(SpanAspect.class,
					() -> new SpanAspect(new ImperativeMethodInvocationProcessor(new DefaultNewSpanParser(), tracer)));
			this.context.registerBean(NewSpanService.class);
			this.context.refresh();
			this.service = this.context.getBean(NewSpanService.class);
			SetupChecks.requireAdvisedBy("newSpan", this.service, SpanAspect.class.getName());
			SetupChecks.requireExportedSpan("newSpan", this.service::work, exporter, this.tracerProvider::forceFlush,
					SpanPipeline.SCOPE);
		}

		@TearDown
		public void stop() {
			this.context.close();
			this.tracerProvider.close();
		}

	}

	@State(Scope.Benchmark)
	public static class Observed {

		public long input = Work.INPUT;

		public ObservedService service;

		private AnnotationConfigApplicationContext context;

		private SdkTracerProvider tracerProvider;

		@Setup
		public void start() {
			CountingSpanExporter exporter = new CountingSpanExporter();
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(exporter), Sampler.alwaysOn());
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(bridge(this.tracerProvider)));
			this.context = new AnnotationConfigApplicationContext();
			this.context.register(AspectJProxies.class);
			this.context.registerBean(ObservedAspect.class, () -> new ObservedAspect(registry));
			this.context.registerBean(ObservedService.class);
			this.context.refresh();
			this.service = this.context.getBean(ObservedService.class);
			SetupChecks.requireAdvisedBy("observed", this.service, ObservedAspect.class.getName());
			SetupChecks.requireExportedSpan("observed", this.service::work, exporter, this.tracerProvider::forceFlush,
					SpanPipeline.SCOPE);
		}

		@TearDown
		public void stop() {
			this.context.close();
			this.tracerProvider.close();
		}

	}

	private static OtelTracer bridge(SdkTracerProvider tracerProvider) {
		OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
		return new OtelTracer(tracerProvider.get(SpanPipeline.SCOPE), currentTraceContext, (event) -> {
		}, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class AspectJProxies {

	}

}
