package io.github.oteltracing.internal.logging;

import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's default {@code logging.pattern.correlation}, through Spring Boot's own
 * console pattern and real Logback: the ids on lines inside a span, nothing at all on the
 * others, start-up lines included.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogCorrelationPatternTests {

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void idsInsideSpansAndNothingElsewhere(CapturedOutput output) {
		SpanContext span;
		try (ConfigurableApplicationContext context = TraceMdcReinitializationTests.application()
			.properties("logging.level.root=info")
			.run()) {
			span = TraceMdcReinitializationTests.logInsideSpan(context);
			LoggerFactory.getLogger(TraceMdcTests.LOGGER).info("outside");
		}
		String inside = line(output, " inside");
		assertThat(inside).contains(" [" + span.getTraceId() + "," + span.getSpanId() + "] ");
		assertThat(output.toString().lines().filter((line) -> !line.equals(inside)))
			.hasSizeGreaterThan(1)
			.noneMatch((line) -> line.contains("[,]") || line.contains(span.getTraceId()));
		assertThat(line(output, " outside")).contains("main] " + TraceMdcTests.LOGGER);
	}

	private static String line(CapturedOutput output, String ending) {
		return output.toString()
			.lines()
			.filter((line) -> line.endsWith(ending))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line ending with '" + ending + "' in " + output));
	}

}
