package io.github.oteltracing.internal.logging;

import io.github.oteltracing.internal.logging.TraceMdcReinitializationTests.TracedApplication;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A {@code @SpringBootTest} suite as users write them, run in this JVM through the JUnit
 * Platform launcher: a test class with tracing on caches its context; classes with
 * tracing or the MDC off start contexts of their own and close them
 * ({@code @DirtiesContext}), so Spring Boot initializes logging again each time; the
 * cached context, used again by a later class, still has log correlation.
 */
class TraceMdcSpringBootTestSuiteTests {

	@Test
	void cachedContextKeepsCorrelationWhileOthersStartAndClose() {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(TracedFirst.class), selectClass(TracingOffDirtied.class),
					selectClass(MdcOffDirtied.class), selectClass(TracedAgain.class))
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

	@Order(1)
	@SpringBootTest(classes = TracedApplication.class, properties = "tracing.exporter.type=none")
	static class TracedFirst {

		static ConfigurableApplicationContext cached;

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void logsCarryTheIds() {
			cached = this.context;
			TraceMdcReinitializationTests.assertCorrelation(this.context);
			TraceMdcReinitializationTests.logInsideSpan(this.context);
		}

	}

	@Order(2)
	@SpringBootTest(classes = TracedApplication.class, properties = "tracing.enabled=false")
	@DirtiesContext
	static class TracingOffDirtied {

		@Test
		void runs() {
		}

	}

	@Order(3)
	@SpringBootTest(classes = TracedApplication.class,
			properties = { "tracing.exporter.type=none", "tracing.logging.mdc=false" })
	@DirtiesContext
	static class MdcOffDirtied {

		@Test
		void runs() {
		}

	}

	// Closes the cached context when done, so that it does not stay on for the tests after this one.
	@Order(4)
	@SpringBootTest(classes = TracedApplication.class, properties = "tracing.exporter.type=none")
	@DirtiesContext
	static class TracedAgain {

		@Autowired
		ConfigurableApplicationContext context;

		@Test
		void cachedContextLogsStillCarryTheIds() {
			assertThat(this.context).isSameAs(TracedFirst.cached);
			TraceMdcReinitializationTests.assertCorrelation(this.context);
		}

	}

}
