package io.github.oteltracing.autoconfigure;

import java.math.BigDecimal;
import java.util.List;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.boot.SpringBootGeneration.Callback;
import io.github.oteltracing.internal.boot.SpringBootTypes;
import io.github.oteltracing.internal.exporter.OtlpExporterSettings;
import io.github.oteltracing.internal.exporter.SpanExportTargets;
import io.github.oteltracing.internal.sdk.GlobalOpenTelemetryRegistration;
import io.github.oteltracing.internal.sdk.KeepSpansValidProcessor;
import io.github.oteltracing.internal.sdk.ServiceResource;
import io.github.oteltracing.internal.sdk.TracerProviderShutdown;
import io.github.oteltracing.redaction.SpanRedactor;
import io.github.oteltracing.sampling.SamplingStrategy;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.OpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.semconv.ServiceAttributes;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenTelemetry SDK: resource, tracer provider and the {@link OpenTelemetry} instance
 * that everything else uses. Runs before Spring Boot's own OpenTelemetry
 * auto-configuration, which then backs off.
 */
@AutoConfiguration(after = { SamplingAutoConfiguration.class, SpanExportAutoConfiguration.class,
		PropagationAutoConfiguration.class },
		beforeName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_3, SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_3,
				SpringBootAutoConfigurations.OPEN_TELEMETRY_4, SpringBootAutoConfigurations.OPEN_TELEMETRY_TRACING_4 })
@ConditionalOnClass(OpenTelemetrySdk.class)
@ConditionalOnTracingEnabled
@EnableConfigurationProperties({ TracingProperties.class, ExporterProperties.class })
public final class OpenTelemetrySdkAutoConfiguration {

	// The bean name of SpanExportConfigurations' batch processor.
	private static final String STARTERS_BATCH_PROCESSOR = "tracingBatchSpanProcessor";

	/**
	 * The resource, redacted once here so that a secret among its attributes reaches no
	 * signal that uses it; the exporter redacts other resources (an application's own).
	 */
	@Bean
	@ConditionalOnMissingBean
	Resource tracingResource(TracingProperties properties, Environment environment,
			ObjectProvider<BuildProperties> buildProperties, ObjectProvider<SpanRedactor> redactor) {
		BuildProperties build = buildProperties.getIfAvailable();
		Resource resource = ServiceResource.create(properties.getServiceName(),
				environment.getProperty("spring.application.name"), properties.getServiceVersion(),
				(build != null) ? build.getVersion() : null, properties.getEnvironment(),
				properties.getResource().getAttributes());
		SpanRedactor spanRedactor = redactor.getIfAvailable();
		return (spanRedactor != null) ? spanRedactor.redact(resource) : resource;
	}

	/**
	 * The SDK, or a no-op where {@code tracing.enabled} is {@code false} only at run time:
	 * an application processed ahead of time keeps the beans its build-time conditions
	 * chose, so the switch is read again here.
	 */
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	OpenTelemetry openTelemetry(SdkTracerProvider tracerProvider, ObjectProvider<ContextPropagators> propagators,
			ObjectProvider<SdkLoggerProvider> loggerProvider, ObjectProvider<SdkMeterProvider> meterProvider,
			Environment environment) {
		if (!environment.getProperty("tracing.enabled", Boolean.class, true)) {
			return OpenTelemetry.noop();
		}
		OpenTelemetrySdkBuilder builder = OpenTelemetrySdk.builder()
			.setTracerProvider(tracerProvider)
			.setPropagators(propagators.getIfAvailable(ContextPropagators::noop));
		// Spring Boot's own logs and metrics providers, where it defines them, join the one SDK.
		loggerProvider.ifAvailable(builder::setLoggerProvider);
		meterProvider.ifAvailable(builder::setMeterProvider);
		return builder.build();
	}

	@Bean
	UnusedExtensionBeansWarning tracingUnusedExtensionBeansWarning(ListableBeanFactory beanFactory) {
		return new UnusedExtensionBeansWarning(beanFactory,
				beanFactory.getBeanNamesForType(TracerProviderShutdown.class, true, false).length > 0,
				beanFactory.containsBean(STARTERS_BATCH_PROCESSOR));
	}

	@Bean
	@ConditionalOnBooleanProperty("tracing.register-global")
	GlobalOpenTelemetryRegistration tracingGlobalRegistration(OpenTelemetry openTelemetry) {
		return new GlobalOpenTelemetryRegistration(openTelemetry);
	}

	/**
	 * The tracer provider, unless the application has its own. Closed with the context
	 * after flushing what is queued, within the export timeout. Its set-up is logged in
	 * one line at start-up.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SdkTracerProvider.class)
	static class TracerProviderConfiguration {

		// The bean name of SamplingAutoConfiguration's sampler.
		private static final String STARTER_SAMPLER = "tracingSampler";

		@Bean(destroyMethod = "")
		SdkTracerProvider sdkTracerProvider(Resource resource, ObjectProvider<Sampler> sampler,
				ObjectProvider<SpanProcessor> spanProcessors,
				ObjectProvider<SdkTracerProviderCustomizer> customizers, BeanFactory beanFactory) {
			SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
				.setResource(resource)
				.setSampler(sampler.getIfAvailable(Sampler::alwaysOn));
			List<SpanProcessor> processors = spanProcessors.orderedStream().toList();
			processors.forEach(builder::addSpanProcessor);
			if (processors.isEmpty()) {
				builder.addSpanProcessor(new KeepSpansValidProcessor());
			}
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			// Spring Boot's customizers too: its tracer provider backs off for this one.
			SpringBootTypes.applyCallbacks(beanFactory, Callback.SDK_TRACER_PROVIDER_BUILDER, builder);
			return builder.build();
		}

		@Bean
		TracingStartupLog tracingStartupLog(Resource resource, ObjectProvider<SpanExporter> exporters,
				ObjectProvider<OtlpExporterSettings> otlpSettings, ObjectProvider<Sampler> sampler,
				ObjectProvider<SamplingProperties> sampling, BeanFactory beanFactory) {
			return new TracingStartupLog(() -> TracingStartupLog.line(
					resource.getAttribute(ServiceAttributes.SERVICE_NAME),
					SpanExportTargets.summarize(exporters.orderedStream().toList(), otlpSettings.getIfAvailable()),
					describeSampler(sampler.getIfAvailable(), sampling.getIfAvailable(),
							beanFactory.containsBean(STARTER_SAMPLER))));
		}

		@Bean
		TracerProviderShutdown tracingTracerProviderShutdown(SdkTracerProvider tracerProvider,
				ExporterProperties properties) {
			return new TracerProviderShutdown(tracerProvider, properties.getBatch().getExportTimeout());
		}

		// The starter's sampler is told by its settings; an application's by its own description.
		private static String describeSampler(Sampler sampler, SamplingProperties sampling, boolean startersSampler) {
			if (sampler == null) {
				return Sampler.alwaysOn().getDescription();
			}
			if (!startersSampler || sampling == null) {
				return sampler.getDescription();
			}
			SamplingStrategy strategy = sampling.getStrategy();
			return switch (strategy) {
				case RATIO, PARENT_BASED_RATIO -> strategy + " " + sampling.getRatio();
				case RATE_LIMITED -> strategy + " " + BigDecimal.valueOf(sampling.getRateLimit())
					.stripTrailingZeros()
					.toPlainString() + "/s";
				default -> strategy.toString();
			};
		}

	}

}
