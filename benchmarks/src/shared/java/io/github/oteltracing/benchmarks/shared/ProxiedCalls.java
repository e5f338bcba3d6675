package io.github.oteltracing.benchmarks.shared;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/**
 * The baselines, measured on every classpath: a call through a proxy with a pass-through
 * aspect, without and with a span opened by hand.
 */
public final class ProxiedCalls {

	private ProxiedCalls() {
	}

	@State(Scope.Benchmark)
	public static class Plain {

		public long input = Work.INPUT;

		public PlainService service;

		private AnnotationConfigApplicationContext context;

		@Setup
		public void start() {
			this.context = new AnnotationConfigApplicationContext();
			this.context.register(PassThroughAspectConfiguration.class);
			this.context.registerBean(PlainService.class);
			this.context.refresh();
			this.service = this.context.getBean(PlainService.class);
			SetupChecks.requireAdvisedBy("plain", this.service, PassThroughAspect.class.getName());
			SetupChecks.requireNoSpan("plain", this.service::work);
		}

		@TearDown
		public void stop() {
			this.context.close();
		}

	}

	@State(Scope.Benchmark)
	public static class RawSdkSpan {

		public long input = Work.INPUT;

		public RawSdkSpanService service;

		private AnnotationConfigApplicationContext context;

		private SdkTracerProvider tracerProvider;

		@Setup
		public void start() {
			CountingSpanExporter exporter = new CountingSpanExporter();
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(exporter), Sampler.alwaysOn());
			this.context = rawSdkSpanContext(this.tracerProvider);
			this.service = this.context.getBean(RawSdkSpanService.class);
			SetupChecks.requireAdvisedBy("rawSdkSpan", this.service, PassThroughAspect.class.getName());
			SetupChecks.requireExportedSpan("rawSdkSpan", this.service::work, exporter, this.tracerProvider::forceFlush,
					SpanPipeline.SCOPE);
		}

		@TearDown
		public void stop() {
			this.context.close();
			this.tracerProvider.close();
		}

	}

	@State(Scope.Benchmark)
	public static class RawSdkSpanSampledOff {

		public long input = Work.INPUT;

		public RawSdkSpanService service;

		private AnnotationConfigApplicationContext context;

		private SdkTracerProvider tracerProvider;

		@Setup
		public void start() {
			CountingSpanExporter exporter = new CountingSpanExporter();
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(exporter), Sampler.alwaysOff());
			this.context = rawSdkSpanContext(this.tracerProvider);
			this.service = this.context.getBean(RawSdkSpanService.class);
			SetupChecks.requireAdvisedBy("rawSdkSpanSampledOff", this.service, PassThroughAspect.class.getName());
			SetupChecks.requireUnsampledSpan("rawSdkSpanSampledOff", this.service::work, exporter,
					this.tracerProvider::forceFlush);
		}

		@TearDown
		public void stop() {
			this.context.close();
			this.tracerProvider.close();
		}

	}

	private static AnnotationConfigApplicationContext rawSdkSpanContext(SdkTracerProvider tracerProvider) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(PassThroughAspectConfiguration.class);
		context.registerBean(RawSdkSpanService.class, () -> new RawSdkSpanService(tracerProvider.get(SpanPipeline.SCOPE)));
		context.refresh();
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	static class PassThroughAspectConfiguration {

		@Bean
		PassThroughAspect passThroughAspect() {
			return new PassThroughAspect();
		}

	}

}
