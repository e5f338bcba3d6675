package io.github.oteltracing.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingDisabledImportFilterTests {

	private static final String[] CANDIDATES = {
			"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration", null };

	@Test
	void withTracingOnSpringBootsOtlpSpanExportIsLeftOutOnBothGenerations() {
		assertThat(match(new MockEnvironment())).containsExactly(true, false, true, false, true, true);
	}

	@Test
	void withTracingOffSpringBootsTracingSdkIsLeftOutOnBothGenerations() {
		assertThat(match(new MockEnvironment().withProperty("tracing.enabled", "false")))
			.containsExactly(false, false, false, false, true, true);
	}

	private static boolean[] match(MockEnvironment environment) {
		TracingDisabledImportFilter filter = new TracingDisabledImportFilter();
		filter.setEnvironment(environment);
		return filter.match(CANDIDATES, null);
	}

}
