package io.github.oteltracing.internal.logging;

import java.util.Map;

import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Several {@code SpringApplication}s in one JVM, as in a test suite: whenever another
 * application makes Spring Boot initialize logging again (Logback's context stopped and
 * reset), the running application with {@code tracing.logging.mdc} on keeps its log
 * correlation, and no thread keeps a stale id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TraceMdcReinitializationTests {

	private static final Logger logger = LoggerFactory.getLogger(TraceMdcTests.LOGGER);

	private static ConfigurableApplicationContext traced;

	@BeforeAll
	static void startTracedApplication() {
		traced = application().run();
	}

	@AfterAll
	static void closeTracedApplication() {
		traced.close();
	}

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void anApplicationWithTracingOffStartsAndCloses() {
		logInsideSpan(traced);
		application("tracing.enabled=false").run().close();
		assertCorrelation(traced);
	}

	@Test
	void anApplicationWithTheMdcOffStartsAndCloses() {
		logInsideSpan(traced);
		application("tracing.logging.mdc=false").run().close();
		assertCorrelation(traced);
	}

	@Test
	void anApplicationFailsBeforeAnyBeanExists() {
		logInsideSpan(traced);
		assertThatIllegalStateException().isThrownBy(() -> application("tracing.enabled=false")
			.initializers((context) -> {
				throw new IllegalStateException("fails before any bean exists");
			})
			.run());
		assertCorrelation(traced);
	}

	@Test
	void anApplicationConfiguresLogbackFromItsOwnFileAndKeepsRunning() {
		logInsideSpan(traced);
		// Spring Boot configures logging only if no application is running or one has closed since.
		application("tracing.enabled=false").run().close();
		try (ConfigurableApplicationContext other = application("tracing.logging.mdc=false",
				"logging.config=classpath:io/github/oteltracing/logging/logback-reconfigured.xml")
			.run()) {
			assertCorrelation(traced);
		}
		assertCorrelation(traced);
	}

	/**
	 * The setting is process-wide, like the MDC: while one application has it on, lines
	 * inside the spans of an application with it off carry the ids too; once none has it
	 * on, no line carries them, and the ids put before are gone.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void theSettingActsWhileAnyApplicationHasItOn() {
		try (ConfigurableApplicationContext off = application("tracing.logging.mdc=false").run()) {
			assertCorrelation(off);
			logInsideSpan(off);
			traced.close();
			try (MdcCapture capture = MdcCapture.attach(TraceMdcTests.LOGGER)) {
				logger.info("outside");
				logInsideSpan(off);
				assertThat(capture.mdc("outside")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
						TraceMdc.TRACE_FLAGS);
				assertThat(capture.mdc("inside")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
						TraceMdc.TRACE_FLAGS);
			}
		}
	}

	static SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(TracedApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "tracing.exporter.type=none")
			.properties(properties);
	}

	// Leaves the ids in this thread's MDC: the filter updates it only when something is logged.
	static SpanContext logInsideSpan(ConfigurableApplicationContext context) {
		Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan();
		try (Scope scope = span.makeCurrent()) {
			logger.info("inside");
		}
		finally {
			span.end();
		}
		return span.getSpanContext();
	}

	// This thread logged inside a span before: a line outside any span must not show it.
	static void assertCorrelation(ConfigurableApplicationContext context) {
		try (MdcCapture capture = MdcCapture.attach(TraceMdcTests.LOGGER)) {
			logger.info("outside");
			SpanContext span = logInsideSpan(context);
			logger.info("after");
			assertThat(capture.mdc("outside")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
					TraceMdc.TRACE_FLAGS);
			assertThat(capture.mdc("inside")).containsAllEntriesOf(Map.of(TraceMdc.TRACE_ID, span.getTraceId(),
					TraceMdc.SPAN_ID, span.getSpanId(), TraceMdc.TRACE_FLAGS, "01"));
			assertThat(capture.mdc("after")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID,
					TraceMdc.TRACE_FLAGS);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TracedApplication {

		@Bean
		SpanProcessor inMemory() {
			return SimpleSpanProcessor.create(InMemorySpanExporter.create());
		}

	}

}
