package io.github.oteltracing.internal.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.autoconfigure.LoggingMdcAutoConfiguration;
import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Span ids in the Logback MDC, whoever makes the span current, and nothing left behind.
 */
class TraceMdcTests {

	static final String LOGGER = "io.github.oteltracing.logging.mdc-test";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SamplingAutoConfiguration.class, PropagationAutoConfiguration.class,
				SpanExportAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				TracedAutoConfiguration.class, LoggingMdcAutoConfiguration.class))
		.withPropertyValues("tracing.exporter.type=none")
		.withBean("inMemory", SpanProcessor.class, () -> SimpleSpanProcessor.create(InMemorySpanExporter.create()))
		.withBean(Greeter.class);

	private final MdcCapture capture = MdcCapture.attach(LOGGER);

	@AfterEach
	void detach() {
		this.capture.close();
		MDC.clear();
	}

	@Test
	void idsWhileSpansAreCurrentRestoredWhenNestedScopesCloseAndGoneAfterwards() {
		this.runner.run((context) -> {
			MDC.put("request_id", "r-1");
			List<SpanContext> spans = context.getBean(Greeter.class).greet();
			logger.info("after");
			SpanContext outer = spans.get(0);
			SpanContext nested = spans.get(1);
			assertThat(this.capture.mdc("inside")).containsEntry(TraceMdc.TRACE_ID, outer.getTraceId())
				.containsEntry(TraceMdc.SPAN_ID, outer.getSpanId())
				.containsEntry(TraceMdc.TRACE_FLAGS, "01")
				.containsEntry("request_id", "r-1");
			assertThat(outer.getTraceId()).matches("[0-9a-f]{32}");
			assertThat(outer.getSpanId()).matches("[0-9a-f]{16}");
			assertThat(this.capture.mdc("nested")).containsEntry(TraceMdc.TRACE_ID, outer.getTraceId())
				.containsEntry(TraceMdc.SPAN_ID, nested.getSpanId());
			assertThat(this.capture.mdc("restored")).containsEntry(TraceMdc.SPAN_ID, outer.getSpanId());
			assertThat(this.capture.mdc("after")).containsOnly(Map.entry("request_id", "r-1"));
		});
	}

	@Test
	void aPooledThreadHasNoIdsAfterATracedTask() throws Exception {
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			this.runner.run((context) -> {
				Tracer tracer = context.getBean(OpenTelemetry.class).getTracer("test");
				pool.submit(() -> {
					Span span = tracer.spanBuilder("task").startSpan();
					try (Scope scope = span.makeCurrent()) {
						logger.info("traced task");
					}
					finally {
						span.end();
					}
				}).get(10, TimeUnit.SECONDS);
				pool.submit(() -> logger.info("next task")).get(10, TimeUnit.SECONDS);
				assertThat(this.capture.event("traced task").thread())
					.isEqualTo(this.capture.event("next task").thread());
				assertThat(this.capture.mdc("traced task")).containsKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
						TraceMdc.TRACE_FLAGS);
				assertThat(this.capture.mdc("next task")).isEmpty();
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void unsampledSpansHaveFlags00() {
		this.runner.withPropertyValues("tracing.sampling.strategy=always-off").run((context) -> {
			SpanContext outer = context.getBean(Greeter.class).greet().get(0);
			assertThat(outer.isSampled()).isFalse();
			assertThat(this.capture.mdc("inside")).containsEntry(TraceMdc.TRACE_ID, outer.getTraceId())
				.containsEntry(TraceMdc.TRACE_FLAGS, "00");
		});
	}

	@Test
	void aContextWithoutSpansClearsTheIds() {
		this.runner.run((context) -> {
			Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("outer").startSpan();
			try (Scope outer = span.makeCurrent()) {
				try (Scope root = Context.root().makeCurrent()) {
					logger.info("root");
				}
				logger.info("back");
			}
			span.end();
			assertThat(this.capture.mdc("root")).isEmpty();
			assertThat(this.capture.mdc("back")).containsEntry(TraceMdc.SPAN_ID, span.getSpanContext().getSpanId());
		});
	}

	@Test
	void idsStillReachLogsAfterLogbackIsReset() {
		this.runner.run((context) -> {
			// What Spring Boot does whenever it configures logging, for instance when another application starts.
			((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
			try (MdcCapture afterReset = MdcCapture.attach(LOGGER)) {
				SpanContext outer = context.getBean(Greeter.class).greet().get(0);
				assertThat(afterReset.mdc("inside")).containsEntry(TraceMdc.TRACE_ID, outer.getTraceId())
					.containsEntry(TraceMdc.SPAN_ID, outer.getSpanId());
			}
			finally {
				// The reset took the console appender away from the tests that run after this one. Spring
				// Boot's configuration again, then marked as not initialized, as an application that stopped
				// leaves it, so that applications started later configure logging their own way.
				LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
				logging.beforeInitialize();
				logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
				logging.cleanUp();
			}
		});
	}

	@Test
	void withLogbackSpanSwitchesLeaveTheMdcAloneUntilSomethingIsLogged() {
		this.runner.run((context) -> {
			Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("quiet").startSpan();
			try (Scope scope = span.makeCurrent()) {
				assertThat(MDC.get(TraceMdc.SPAN_ID)).isNull();
				logger.info("loud");
				assertThat(MDC.get(TraceMdc.SPAN_ID)).isEqualTo(span.getSpanContext().getSpanId());
			}
			finally {
				span.end();
			}
			assertThat(this.capture.mdc("loud")).containsEntry(TraceMdc.SPAN_ID, span.getSpanContext().getSpanId());
		});
	}

	@Test
	void switchedOffLeavesTheMdcAlone() {
		this.runner.withPropertyValues("tracing.logging.mdc=false").run((context) -> {
			context.getBean(Greeter.class).greet();
			assertThat(this.capture.mdc("inside")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
					TraceMdc.TRACE_FLAGS);
		});
	}

	static class Greeter {

		private final Tracer tracer;

		Greeter(OpenTelemetry openTelemetry) {
			this.tracer = openTelemetry.getTracer("test");
		}

		@Traced
		public List<SpanContext> greet() {
			logger.info("inside");
			Span nested = this.tracer.spanBuilder("nested").startSpan();
			try (Scope scope = nested.makeCurrent()) {
				logger.info("nested");
			}
			finally {
				nested.end();
			}
			logger.info("restored");
			return List.of(Span.current().getSpanContext(), nested.getSpanContext());
		}

	}

}
