package io.github.oteltracing.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.internal.health.SpanExportMeterBinder;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export monitor, its Micrometer meters and its health contributor, through the
 * registration file, next to Spring Boot's metrics and health auto-configuration.
 */
class ExportHealthAutoConfigurationTests {

	// An endpoint nothing listens on: every export fails at once.
	private static final String CLOSED_ENDPOINT = "http://127.0.0.1:9";

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class));

	@Test
	void monitorsTheStartersBatchProcessor() {
		this.runner.withPropertyValues("tracing.exporter.otlp.endpoint=https://user:secret@collector:4318")
			.run((context) -> {
				assertThat(context).hasSingleBean(SpanExportMonitor.class)
					.hasSingleBean(SpanExportMeterBinder.class)
					.hasBean(ExportHealthAutoConfiguration.BEAN_NAME);
				SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
				assertThat(monitor.target()).isEqualTo("https://collector:4318/v1/traces");
				assertThat(monitor.queueCapacity()).isEqualTo(2048);
			});
	}

	@Test
	void registersTheMeters() {
		this.runner.withPropertyValues("tracing.exporter.batch.max-queue-size=64").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("tracing.spans.exported").functionCounter().count()).isZero();
			assertThat(registry.get("tracing.spans.dropped").tag("reason", "queue-full").functionCounter().count())
				.isZero();
			assertThat(registry.get("tracing.spans.dropped").tag("reason", "export-failed").functionCounter().count())
				.isZero();
			assertThat(registry.get("tracing.export.failures").functionCounter().count()).isZero();
			assertThat(registry.get("tracing.export.queue.size").gauge().value()).isZero();
			assertThat(registry.get("tracing.export.queue.capacity").gauge().value()).isEqualTo(64);
		});
	}

	@Test
	void metersCountWhatReachesTheCollector() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			this.runner
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint(),
						"tracing.exporter.batch.schedule-delay=10ms")
				.run((context) -> {
					SdkTracerProvider tracerProvider = context.getBean(SdkTracerProvider.class);
					for (int i = 0; i < 5; i++) {
						tracerProvider.get("test").spanBuilder("work-" + i).startSpan().end();
					}
					tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
					sink.awaitSpans(5, Duration.ofSeconds(10));
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					assertThat(registry.get("tracing.spans.exported").functionCounter().count()).isEqualTo(5);
					assertThat(context.getBean(ExportHealthAutoConfiguration.BEAN_NAME, HealthIndicator.class).health().getDetails())
						.containsEntry("state", "ok")
						.containsEntry("spansExported", 5L)
						.containsEntry("spansDropped", 0L)
						.containsKey("lastSuccess");
				});
		}
	}

	@Test
	void healthStaysUpWhileExportsFail() {
		this.runner
			.withPropertyValues("tracing.exporter.otlp.endpoint=" + CLOSED_ENDPOINT,
					"tracing.exporter.otlp.timeout=200ms", "tracing.exporter.batch.schedule-delay=10ms")
			.run((context) -> {
				SdkTracerProvider tracerProvider = context.getBean(SdkTracerProvider.class);
				SpanExportMonitor monitor = context.getBean(SpanExportMonitor.class);
				tracerProvider.get("test").spanBuilder("lost").startSpan().end();
				org.awaitility.Awaitility.await()
					.atMost(Duration.ofSeconds(15))
					.until(() -> monitor.exportFailures() > 0);
				var health = context.getBean(ExportHealthAutoConfiguration.BEAN_NAME, HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("state", "failing")
					.containsEntry("endpoint", CLOSED_ENDPOINT + "/v1/traces")
					.containsEntry("spansDropped", 1L)
					.containsKeys("lastFailure", "lastFailureCause");
				// Nor does it pull the application's overall health down.
				assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthContributorCanBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.tracing.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(SpanExportMonitor.class)
				.doesNotHaveBean(ExportHealthAutoConfiguration.BEAN_NAME));
	}

	@Test
	void withoutActuatorOrMicrometerOnlyTheMonitor() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SpanExportMonitor.class)
				.doesNotHaveBean(ExportHealthAutoConfiguration.BEAN_NAME)
				.doesNotHaveBean(SpanExportMeterBinder.class));
	}

	@Test
	void withoutAMeterRegistryNoMeters() {
		TracingAutoConfigurationsSupport.runner()
			.run((context) -> assertThat(context).hasSingleBean(SpanExportMonitor.class)
				.doesNotHaveBean(SpanExportMeterBinder.class));
	}

	@Test
	void monitorsAUsersExporter() {
		this.runner.withUserConfiguration(UserExporter.class).run((context) -> {
			assertThat(context.getBean(SpanExportMonitor.class).target())
				.isEqualTo("LoggingSpanExporter, http://localhost:4318/v1/traces");
		});
		this.runner.withUserConfiguration(UserExporter.class)
			.withPropertyValues("tracing.exporter.type=none")
			.run((context) -> {
				assertThat(context.getBean(SpanExportMonitor.class).target()).isEqualTo("LoggingSpanExporter");
				assertThat(context).doesNotHaveBean(io.github.oteltracing.internal.exporter.OtlpExporterSettings.class);
			});
	}

	@Test
	void aUsersBatchProcessorIsNotMonitored() {
		this.runner.withUserConfiguration(UserBatchProcessor.class)
			.run((context) -> assertThat(context).hasSingleBean(BatchSpanProcessor.class)
				.doesNotHaveBean(SpanExportMonitor.class)
				.doesNotHaveBean(ExportHealthAutoConfiguration.BEAN_NAME)
				.doesNotHaveBean(SpanExportMeterBinder.class));
	}

	@Test
	void nothingWithoutAnExporterOrWithTracingOff() {
		for (List<String> properties : List.of(List.of("tracing.exporter.type=none"), List.of("tracing.enabled=false"))) {
			this.runner.withPropertyValues(properties.toArray(String[]::new))
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(SpanExportMonitor.class)
					.doesNotHaveBean(ExportHealthAutoConfiguration.BEAN_NAME)
					.doesNotHaveBean(SpanExportMeterBinder.class));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserExporter {

		@Bean
		SpanExporter userExporter() {
			return LoggingSpanExporter.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBatchProcessor {

		@Bean
		BatchSpanProcessor userBatchSpanProcessor() {
			return BatchSpanProcessor.builder(LoggingSpanExporter.create()).build();
		}

	}

}
