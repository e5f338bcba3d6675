package io.github.oteltracing.autoconfigure;

import java.util.List;
import java.util.Properties;

import io.github.oteltracing.internal.sdk.GlobalOpenTelemetryRegistration;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.aop.Advisor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTelemetrySdkAutoConfigurationTests {

	private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner();

	@Test
	void definesTheSdkWithDefaults() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(OpenTelemetry.class)
				.hasSingleBean(SdkTracerProvider.class)
				.hasSingleBean(BatchSpanProcessor.class)
				.hasSingleBean(Advisor.class)
				.doesNotHaveBean(GlobalOpenTelemetryRegistration.class);
			assertThat(context.getBean(SpanExporter.class)).isInstanceOf(OtlpHttpSpanExporter.class)
				.asString()
				.contains("endpoint=http://localhost:4318/v1/traces")
				.contains("compressorEncoding=gzip");
			assertThat(context.getBean(Sampler.class).getDescription())
				.isEqualTo("ParentBased{root:TraceIdRatioBased{1.000000},remoteParentSampled:AlwaysOnSampler,remoteParentNotSampled:AlwaysOffSampler,localParentSampled:AlwaysOnSampler,localParentNotSampled:AlwaysOffSampler}");
			assertThat(context.getBean(TextMapPropagator.class).fields()).containsExactlyInAnyOrder("traceparent",
					"tracestate", "baggage");
			Resource resource = context.getBean(Resource.class);
			assertThat(resource.getAttribute(SERVICE_NAME)).isEqualTo("unknown_service:java");
			assertThat(resource.getAttribute(AttributeKey.stringKey("host.name"))).isNotBlank();
			assertThat(resource.getAttribute(AttributeKey.longKey("process.pid"))).isEqualTo(ProcessHandle.current().pid());
			assertThat(resource.getAttribute(AttributeKey.stringKey("telemetry.sdk.language"))).isEqualTo("java");
		});
	}

	@Test
	void disabledDefinesNothing() {
		this.runner.withPropertyValues("tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OpenTelemetry.class)
				.doesNotHaveBean(SdkTracerProvider.class)
				.doesNotHaveBean(SpanExporter.class)
				.doesNotHaveBean(Sampler.class)
				.doesNotHaveBean(TextMapPropagator.class)
				.doesNotHaveBean(Advisor.class)
				.doesNotHaveBean(TracingProperties.class);
		});
	}

	@Test
	void withoutTheSdkOnTheClasspathDefinesNoSdk() {
		this.runner.withClassLoader(new FilteredClassLoader("io.opentelemetry.sdk")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SdkTracerProvider.class).doesNotHaveBean(Sampler.class);
		});
	}

	@Test
	void backsOffForUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(Sampler.class)).isSameAs(UserBeans.SAMPLER);
			assertThat(context.getBean(Resource.class)).isSameAs(UserBeans.RESOURCE);
			assertThat(context.getBean(TextMapPropagator.class)).isSameAs(UserBeans.PROPAGATOR);
			assertThat(context).hasSingleBean(Sampler.class)
				.hasSingleBean(Resource.class)
				.hasSingleBean(TextMapPropagator.class);
			// An exporter of another kind is added, as in Spring Boot: the starter's batch
			// processor feeds the user's exporter and the starter's own.
			assertThat(context.getBeansOfType(SpanExporter.class).values()).contains(UserBeans.EXPORTER)
				.hasSize(2)
				.hasAtLeastOneElementOfType(OtlpHttpSpanExporter.class);
			assertThat(context).hasSingleBean(BatchSpanProcessor.class);
		});
		this.runner.withUserConfiguration(UserOpenTelemetry.class).run((context) -> {
			assertThat(context).hasSingleBean(OpenTelemetry.class);
			assertThat(context.getBean(OpenTelemetry.class)).isSameAs(OpenTelemetry.noop());
		});
	}

	@ParameterizedTest
	@CsvSource({ "always-on, AlwaysOnSampler", "always-off, AlwaysOffSampler",
			"ratio, TraceIdRatioBased{0.250000}", "parent-based-ratio, ParentBased{root:TraceIdRatioBased{0.250000}",
			"rate-limited, ParentBased{root:RateLimitedSampler{7.0/s}", "PARENT_BASED_RATIO, ParentBased{root:Trace" })
	void samplingStrategies(String strategy, String description) {
		this.runner
			.withPropertyValues("tracing.sampling.strategy=" + strategy, "tracing.sampling.ratio=0.25",
					"tracing.sampling.rate-limit=7")
			.run((context) -> assertThat(context.getBean(Sampler.class).getDescription()).startsWith(description));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "tracecontext; traceparent,tracestate", "baggage; baggage", "b3; b3",
			"b3multi; X-B3-TraceId,X-B3-SpanId,X-B3-Sampled", "jaeger; uber-trace-id",
			"b3,jaeger; b3,uber-trace-id" })
	void propagationTypes(String types, String fields) {
		this.runner.withPropertyValues("tracing.propagation.types=" + types).run((context) -> {
			assertThat(context.getBean(TextMapPropagator.class).fields()).contains(fields.split(","));
		});
	}

	@Test
	void emptyPropagationTypesPropagateNothing() {
		this.runner.withPropertyValues("tracing.propagation.types=")
			.run((context) -> assertThat(context.getBean(OpenTelemetry.class).getPropagators().getTextMapPropagator()
				.fields()).isEmpty());
	}

	@Test
	void exporterTypes() {
		this.runner.withPropertyValues("tracing.exporter.type=logging")
			.run((context) -> assertThat(context.getBean(SpanExporter.class)).isInstanceOf(LoggingSpanExporter.class));
		this.runner.withPropertyValues("tracing.exporter.type=none").run((context) -> {
			assertThat(context).hasSingleBean(OpenTelemetry.class)
				.doesNotHaveBean(SpanExporter.class)
				.doesNotHaveBean(BatchSpanProcessor.class);
			// Not exported, but still created and propagated.
			io.opentelemetry.api.trace.Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("s").startSpan();
			assertThat(span.getSpanContext().isValid()).isTrue();
			span.end();
		});
	}

	@Test
	void otlpSettings() {
		this.runner
			.withPropertyValues("tracing.exporter.otlp.protocol=grpc", "tracing.exporter.otlp.compression=none",
					"tracing.exporter.otlp.timeout=3s", "tracing.exporter.otlp.headers.Api-Key=secret")
			.run((context) -> assertThat(context.getBean(SpanExporter.class)).isInstanceOf(OtlpGrpcSpanExporter.class)
				.asString()
				.contains("endpoint=http://localhost:4317")
				.contains("timeoutNanos=3000000000")
				.contains("Api-Key=OBFUSCATED")
				.doesNotContain("secret")
				.doesNotContain("compressorEncoding=gzip"));
		this.runner.withPropertyValues("tracing.exporter.otlp.endpoint=https://collector.example.com:4318/")
			.run((context) -> assertThat(context.getBean(SpanExporter.class)).asString()
				.contains("endpoint=https://collector.example.com:4318/v1/traces"));
	}

	@Test
	void resourceIdentity() {
		this.runner.withPropertyValues("spring.application.name=orders").run((context) -> {
			assertThat(context.getBean(Resource.class).getAttribute(SERVICE_NAME)).isEqualTo("orders");
		});
		this.runner
			.withPropertyValues("spring.application.name=orders", "tracing.service-name=order-service",
					"tracing.service-version=1.2.3", "tracing.environment=staging",
					"tracing.resource.attributes.team=payments", "tracing.resource.attributes.k8s.cluster.name=eu-1")
			.run((context) -> {
				Resource resource = context.getBean(Resource.class);
				assertThat(resource.getAttribute(SERVICE_NAME)).isEqualTo("order-service");
				assertThat(resource.getAttribute(AttributeKey.stringKey("service.version"))).isEqualTo("1.2.3");
				assertThat(resource.getAttribute(AttributeKey.stringKey("deployment.environment.name")))
					.isEqualTo("staging");
				assertThat(resource.getAttribute(AttributeKey.stringKey("team"))).isEqualTo("payments");
				assertThat(resource.getAttribute(AttributeKey.stringKey("k8s.cluster.name"))).isEqualTo("eu-1");
			});
	}

	@Test
	void serviceVersionFromBuildInfo() {
		this.runner.withUserConfiguration(BuildInfo.class).run((context) -> {
			assertThat(context.getBean(Resource.class).getAttribute(AttributeKey.stringKey("service.version")))
				.isEqualTo("4.5.6");
		});
	}

	@Test
	void eachContextHasItsOwnSdkAndNoneIsGlobal() {
		this.runner.run((first) -> this.runner.run((second) -> {
			assertThat(first.getBean(SdkTracerProvider.class)).isNotSameAs(second.getBean(SdkTracerProvider.class));
			assertThat(first).doesNotHaveBean(GlobalOpenTelemetryRegistration.class);
		}));
	}

	@Test
	void registerGlobalOptsIn() {
		// Other tests in this JVM may have read the global instance, which fixes it to a no-op.
		GlobalOpenTelemetry.resetForTest();
		try {
			this.runner.withPropertyValues("tracing.register-global=true").run((context) -> {
				assertThat(context.getBean(GlobalOpenTelemetryRegistration.class).isRegistered()).isTrue();
				assertThat(GlobalOpenTelemetry.getPropagators())
					.isSameAs(context.getBean(OpenTelemetry.class).getPropagators());
			});
			// Closing the context gave the global slot back.
			assertThat(GlobalOpenTelemetry.getPropagators()).isSameAs(ContextPropagators.noop());
			this.runner.withPropertyValues("tracing.register-global=true")
				.run((context) -> assertThat(context.getBean(GlobalOpenTelemetryRegistration.class).isRegistered())
					.isTrue());
		}
		finally {
			GlobalOpenTelemetry.resetForTest();
		}
	}

	@Test
	void globalTracerFollowsTheContextThatHoldsTheSlot() {
		GlobalOpenTelemetry.resetForTest();
		try {
			ApplicationContextRunner global = this.runner.withPropertyValues("tracing.register-global=true");
			global.run((first) -> {
				assertThat(GlobalOpenTelemetry.getTracer("library").spanBuilder("work").startSpan().isRecording())
					.isTrue();
				// A second live context keeps its own SDK and leaves the global one alone.
				global.run((second) -> {
					assertThat(second.getBean(GlobalOpenTelemetryRegistration.class).isRegistered()).isFalse();
					assertThat(GlobalOpenTelemetry.getPropagators())
						.isSameAs(first.getBean(OpenTelemetry.class).getPropagators());
				});
			});
			assertThat(GlobalOpenTelemetry.getTracer("library").spanBuilder("work").startSpan().isRecording())
				.isFalse();
		}
		finally {
			GlobalOpenTelemetry.resetForTest();
		}
	}

	@Test
	void bindsWithoutTheApplicationsConversionService() {
		// An application's own conversion service knows neither kebab-case enums nor durations.
		this.runner.withUserConfiguration(PlainConversionService.class)
			.withPropertyValues("tracing.sampling.strategy=rate-limited", "tracing.exporter.otlp.timeout=5s",
					"tracing.exporter.otlp.protocol=http/protobuf", "tracing.exporter.otlp.headers.k1=v1",
					"tracing.exporter.otlp.headers.k2=v2", "tracing.propagation.types=tracecontext,b3multi")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ExporterProperties exporter = context.getBean(ExporterProperties.class);
				assertThat(exporter.getOtlp().getHeaders()).containsEntry("k1", "v1").containsEntry("k2", "v2");
				assertThat(exporter.getOtlp().getTimeout()).hasSeconds(5);
				assertThat(context.getBean(Sampler.class).getDescription()).contains("RateLimitedSampler");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final Sampler SAMPLER = Sampler.alwaysOff();

		static final SpanExporter EXPORTER = LoggingSpanExporter.create();

		static final Resource RESOURCE = Resource.empty();

		static final TextMapPropagator PROPAGATOR = TextMapPropagator.noop();

		@Bean
		Sampler userSampler() {
			return SAMPLER;
		}

		@Bean
		SpanExporter userExporter() {
			return EXPORTER;
		}

		@Bean
		Resource userResource() {
			return RESOURCE;
		}

		@Bean
		TextMapPropagator userPropagator() {
			return PROPAGATOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOpenTelemetry {

		@Bean
		OpenTelemetry userOpenTelemetry() {
			return OpenTelemetry.noop();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BuildInfo {

		@Bean
		BuildProperties buildProperties() {
			Properties properties = new Properties();
			properties.setProperty("version", "4.5.6");
			return new BuildProperties(properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainConversionService {

		@Bean
		DefaultConversionService conversionService() {
			return new DefaultConversionService();
		}

	}

}
