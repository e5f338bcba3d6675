package io.github.oteltracing.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one INFO line that says at start-up what tracing does, and the starter's version on
 * the instrumentation scope of the spans it makes.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingStartupLogTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner();

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	// Other tests in this JVM run applications with other log levels (logging.level.root=warn).
	@BeforeEach
	void logStartupAtInfo() {
		this.loggingSystem.setLogLevel(TracingStartupLog.class.getName(), LogLevel.INFO);
	}

	@AfterEach
	void resetLevel() {
		this.loggingSystem.setLogLevel(TracingStartupLog.class.getName(), null);
	}

	@Test
	void logsServiceExporterAndSamplerWithoutSecrets(CapturedOutput output) {
		this.runner
			.withPropertyValues("tracing.service-name=order-service",
					"tracing.exporter.otlp.endpoint=https://user:s3cret@collector:4318",
					"tracing.exporter.otlp.headers.Api-Key=hidden-key")
			.run((context) -> assertThat(tracingLines(output)).containsExactly(
					"Tracing: service 'order-service', OTLP http/protobuf to https://collector:4318/v1/traces (gzip), sampler parent-based-ratio 1.0"));
		assertThat(output.getAll()).doesNotContain("s3cret").doesNotContain("hidden-key");
	}

	@Test
	void logsOtherExportersAndSamplers(CapturedOutput output) {
		this.runner
			.withPropertyValues("spring.application.name=orders", "tracing.exporter.type=logging",
					"tracing.sampling.strategy=rate-limited", "tracing.sampling.rate-limit=7")
			.run((context) -> assertThat(tracingLines(output)).containsExactly(
					"Tracing: service 'orders', LoggingSpanExporter, sampler rate-limited 7/s"));
		this.runner
			.withPropertyValues("tracing.exporter.type=none", "tracing.exporter.otlp.protocol=grpc",
					"tracing.exporter.otlp.compression=none", "tracing.sampling.strategy=always-off")
			.run((context) -> assertThat(tracingLines(output)).last()
				.isEqualTo("Tracing: service 'unknown_service:java', no span exporter, sampler always-off"));
	}

	@Test
	void spansCarryTheStartersVersionOnTheirScope() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			this.runner.withUserConfiguration(WorkConfiguration.class)
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint())
				.run((context) -> {
					context.getBean(Work.class).work();
					context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
					List<ReceivedSpan> spans = sink.awaitSpans(1, Duration.ofSeconds(10));
					assertThat(spans).singleElement().satisfies((span) -> {
						assertThat(span.scopeName()).isEqualTo("io.github.oteltracing.traced");
						// The project's version, written into the resource by the build.
						assertThat(span.scope().getVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
					});
				});
		}
	}

	private static List<String> tracingLines(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("Tracing: "))
			.map((line) -> line.substring(line.indexOf("Tracing: ")))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkConfiguration {

		@Bean
		Work work() {
			return new Work();
		}

	}

	static class Work {

		@Traced("work")
		public void work() {
		}

	}

}
