package io.github.oteltracing.boot4;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Spring Framework 7's test framework pauses a cached context when the next test class
 * needs another one, and Spring Boot then initializes logging again for that one (Logback
 * stopped and reset). A {@code @SpringBootTest} suite run in this JVM through the JUnit
 * Platform launcher: the cached context with tracing on is paused while classes with
 * tracing or the MDC off run, and still has log correlation, with no stale id, when a
 * later class resumes it.
 */
class LogCorrelationPausedContextTests {

	private static final String LOGGER = "io.github.oteltracing.boot4.log-correlation";

	@Test
	void pausedContextKeepsCorrelationWhileOthersRun() {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(TracedFirst.class), selectClass(TracingOff.class), selectClass(MdcOff.class),
					selectClass(TracedAgain.class))
			.configurationParameter(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME,
					ClassOrderer.OrderAnnotation.class.getName())
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		try {
			LauncherFactory.create().execute(request, listener);
		}
		finally {
			MDC.clear();
		}
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).as(() -> summary.getFailures()
			.stream()
			.map((failure) -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
			.toList()
			.toString()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(4);
	}

	// Leaves the ids in this thread's MDC, as a thread that logged inside a span has them.
	static Span logInsideSpan(ConfigurableApplicationContext context) {
		Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan();
		try (Scope scope = span.makeCurrent()) {
			LoggerFactory.getLogger(LOGGER).info("inside");
		}
		finally {
			span.end();
		}
		return span;
	}

	static void assertCorrelation(ConfigurableApplicationContext context) {
		Capture capture = Capture.attach();
		try {
			LoggerFactory.getLogger(LOGGER).info("outside");
			Span span = logInsideSpan(context);
			assertThat(capture.mdc("outside")).doesNotContainKeys("trace_id", "span_id", "trace_flags");
			assertThat(capture.mdc("inside")).containsEntry("trace_id", span.getSpanContext().getTraceId())
				.containsEntry("span_id", span.getSpanContext().getSpanId());
		}
		finally {
			capture.detach();
		}
	}

	// With tracing.exporter.type=none the starter keeps spans valid (no processor needed).
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	@Order(1)
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "tracing.exporter.type=none")
	static class TracedFirst {

		static ConfigurableApplicationContext cached;

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void logsCarryTheIds() {
			cached = this.context;
			assertCorrelation(this.context);
			logInsideSpan(this.context);
		}

	}

	@Order(2)
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "tracing.enabled=false")
	static class TracingOff {

		@Test
		void runsWhileTheCachedContextIsPaused() {
			// ON_CONTEXT_SWITCH, Spring Framework 7's default: Spring Boot cleaned up logging then.
			assertThat(TracedFirst.cached.isRunning()).isFalse();
		}

	}

	@Order(3)
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "tracing.exporter.type=none", "tracing.logging.mdc=false" })
	static class MdcOff {

		@Test
		void runsWhileTheCachedContextIsPaused() {
			// ON_CONTEXT_SWITCH, Spring Framework 7's default: Spring Boot cleaned up logging then.
			assertThat(TracedFirst.cached.isRunning()).isFalse();
		}

	}

	// Closes the cached contexts of the suite when done, so that none stays on for the tests after it.
	@Order(4)
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = "tracing.exporter.type=none")
	@DirtiesContext
	static class TracedAgain {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void resumedContextLogsStillCarryTheIds() {
			assertThat(this.context).isSameAs(TracedFirst.cached);
			assertThat(this.context.isRunning()).isTrue();
			assertCorrelation(this.context);
		}

	}

	/**
	 * Keeps each event's MDC as it was when logged (Logback reads it lazily).
	 */
	static final class Capture extends AppenderBase<ILoggingEvent> {

		private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);

		private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		private final List<Map<String, String>> mdcs = new CopyOnWriteArrayList<>();

		static Capture attach() {
			Capture capture = new Capture();
			capture.setContext(capture.logger.getLoggerContext());
			capture.start();
			capture.logger.setLevel(Level.INFO);
			capture.logger.addAppender(capture);
			return capture;
		}

		@Override
		protected synchronized void append(ILoggingEvent event) {
			this.events.add(event);
			this.mdcs.add(Map.copyOf(event.getMDCPropertyMap()));
		}

		synchronized Map<String, String> mdc(String message) {
			for (int i = 0; i < this.events.size(); i++) {
				if (this.events.get(i).getFormattedMessage().equals(message)) {
					return this.mdcs.get(i);
				}
			}
			throw new AssertionError("No event '" + message + "'");
		}

		void detach() {
			this.logger.detachAppender(this);
			stop();
		}

	}

}
