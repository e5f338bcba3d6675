package io.github.oteltracing.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad value fails start-up, and the analysis names the property, the value
 * and what would be accepted.
 */
class TracingConfigurationFailureAnalyzerTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"tracing.sampling.ratio=1.5 | tracing.sampling.ratio | 1.5 | must be between 0.0 and 1.0 | a number from 0.0 to 1.0",
			"tracing.sampling.ratio=-0.1 | tracing.sampling.ratio | -0.1 | must be between | a number from 0.0 to 1.0",
			"tracing.sampling.strategy=sometimes | tracing.sampling.strategy | sometimes | is not a known value | one of always-on, always-off, ratio, parent-based-ratio, rate-limited",
			"tracing.sampling.rate-limit=0 | tracing.sampling.rate-limit | 0 | must be a positive | a number greater than 0",
			"tracing.propagation.types=tracecontext,xray | tracing.propagation.types | tracecontext,xray | is not a known value | one of tracecontext, baggage, b3, b3multi, jaeger",
			"tracing.exporter.type=zipkin | tracing.exporter.type | zipkin | is not a known value | one of otlp, logging, none",
			"tracing.exporter.otlp.protocol=http/json | tracing.exporter.otlp.protocol | http/json | is not a known value | one of http/protobuf, grpc",
			"tracing.exporter.otlp.compression=brotli | tracing.exporter.otlp.compression | brotli | is not a known value | one of gzip, none",
			"tracing.exporter.otlp.endpoint=localhost:4318 | tracing.exporter.otlp.endpoint | localhost:4318 | must start with http:// or https:// | an http:// or https:// URL with a host",
			"tracing.exporter.otlp.endpoint=http:// | tracing.exporter.otlp.endpoint | http:// | is not a valid URL | an http:// or https:// URL",
			"tracing.exporter.otlp.endpoint=http://collector:4318?x=1 | tracing.exporter.otlp.endpoint | http://collector:4318?x=1 | must not have a query | an http:// or https:// URL",
			"tracing.exporter.otlp.timeout=0s | tracing.exporter.otlp.timeout | 0s | must be positive | a duration greater than 0",
			"tracing.exporter.otlp.timeout=soon | tracing.exporter.otlp.timeout | soon | is not valid | a duration such as",
			"tracing.exporter.batch.max-queue-size=0 | tracing.exporter.batch.max-queue-size | 0 | must be positive | a whole number greater than 0",
			"tracing.exporter.batch.max-export-batch-size=-5 | tracing.exporter.batch.max-export-batch-size | -5 | must be positive | a whole number greater than 0",
			"tracing.exporter.batch.schedule-delay=-1s | tracing.exporter.batch.schedule-delay | -1s | must not be negative | a duration of 0 or more",
			"tracing.exporter.otlp.trusted-certificates=/no/such/ca.pem | tracing.exporter.otlp.trusted-certificates | /no/such/ca.pem | cannot be read | the path of a readable PEM file" })
	void reportsPropertyValueProblemAndAcceptedValues(String setting, String property, String value, String problem,
			String accepted) {
		this.runner.withPropertyValues(setting).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new TracingConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).as("analysis of " + context.getStartupFailure()).isNotNull();
			assertThat(analysis.getDescription()).startsWith("Invalid tracing configuration: " + property)
				.contains(problem)
				.contains("Property: " + property)
				.contains("Value:    \"" + value + "\"");
			assertThat(analysis.getAction()).startsWith("Set " + property + " to ").contains(accepted);
		});
	}

	@Test
	void showsWhereTheValueCameFrom() {
		this.runner.withPropertyValues("tracing.sampling.ratio=2").run((context) -> {
			FailureAnalysis analysis = new TracingConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Origin:");
		});
	}

	@Test
	void leavesOtherFailuresToSpringBoot() {
		assertThat(new TracingConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
		new ApplicationContextRunner().withPropertyValues("spring.main.banner-mode=nonsense")
			.withUserConfiguration(Object.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
