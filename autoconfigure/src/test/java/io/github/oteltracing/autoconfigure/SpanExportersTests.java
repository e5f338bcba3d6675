package io.github.oteltracing.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.internal.exporter.OtlpExporterSettings;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several {@link SpanExporter} beans, as an application has with its own exporter next to
 * the starter's, or with Spring Boot's Zipkin exporter: one batch processor exports to all
 * of them, each gets the redacted spans, and each can be switched off.
 */
class SpanExportersTests {

	private static final AttributeKey<String> PASSWORD = AttributeKey.stringKey("user.password");

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.batch.schedule-delay=10ms");

	@Test
	void exportsToTheStartersExporterAndEveryOtherOneRedactedAlike() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			this.runner.withUserConfiguration(TwoUserExporters.class)
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint())
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(BatchSpanProcessor.class);
					assertThat(context.getBeansOfType(SpanExporter.class)).hasSize(3);
					endOneSpan(context);
					List<ReceivedSpan> received = sink.awaitSpans(1, Duration.ofSeconds(10));
					assertThat(received).singleElement()
						.satisfies((span) -> assertThat(span.attribute("user.password")).isEqualTo("****"));
					for (String name : List.of("first", "second")) {
						assertThat(context.getBean(name, InMemorySpanExporter.class).getFinishedSpanItems())
							.singleElement()
							.satisfies((span) -> assertThat(span.getAttributes().get(PASSWORD)).isEqualTo("****"));
					}
					assertThat(context.getBean(SpanExportMonitor.class).target())
						.isEqualTo("InMemorySpanExporter, InMemorySpanExporter, " + sink.endpoint() + "/v1/traces");
				});
		}
	}

	@Test
	void theStartersOwnIsSwitchedOffByTypeNone() {
		this.runner.withUserConfiguration(TwoUserExporters.class)
			.withPropertyValues("tracing.exporter.type=none")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(OtlpExporterSettings.class);
				assertThat(context.getBeansOfType(SpanExporter.class)).containsOnlyKeys("first", "second");
				endOneSpan(context);
				assertThat(context.getBean("first", InMemorySpanExporter.class).getFinishedSpanItems()).hasSize(1);
				assertThat(context.getBean("second", InMemorySpanExporter.class).getFinishedSpanItems()).hasSize(1);
			});
	}

	@Test
	void aUsersExporterOfTheSameKindReplacesTheStarters() {
		this.runner.withUserConfiguration(UserOtlpExporter.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(OtlpExporterSettings.class);
			assertThat(context.getBeansOfType(SpanExporter.class)).containsOnlyKeys("userOtlpExporter");
		});
		this.runner.withUserConfiguration(UserLoggingExporter.class)
			.withPropertyValues("tracing.exporter.type=logging")
			.run((context) -> assertThat(context.getBeansOfType(SpanExporter.class))
				.containsOnlyKeys("userLoggingExporter"));
	}

	private static void endOneSpan(AssertableApplicationContext context) {
		SdkTracerProvider tracerProvider = context.getBean(SdkTracerProvider.class);
		tracerProvider.get("test").spanBuilder("work").setAttribute(PASSWORD, "hunter2").startSpan().end();
		tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoUserExporters {

		@Bean
		InMemorySpanExporter first() {
			return InMemorySpanExporter.create();
		}

		@Bean
		InMemorySpanExporter second() {
			return InMemorySpanExporter.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOtlpExporter {

		@Bean
		OtlpHttpSpanExporter userOtlpExporter() {
			return OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:9/v1/traces").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLoggingExporter {

		@Bean
		LoggingSpanExporter userLoggingExporter() {
			return LoggingSpanExporter.create();
		}

	}

}
