package io.github.oteltracing.acceptance;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * DESIGN section 4: a bad value stops start-up with Spring Boot's failure report naming
 * the property, the value and what is accepted, with no stack trace in front of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalysisTests {

	private static final String FAILED = "APPLICATION FAILED TO START";

	private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

	static Stream<Arguments> badValues() {
		return Stream.of(Arguments.of("tracing.sampling.ratio", "1.5", List.of("0.0", "1.0")),
				Arguments.of("tracing.sampling.strategy", "sometimes",
						List.of("always-on", "always-off", "ratio", "parent-based-ratio", "rate-limited")),
				Arguments.of("tracing.exporter.otlp.endpoint", "localhost:4318", List.of("http://", "https://")),
				Arguments.of("tracing.exporter.otlp.endpoint", "http://", List.of("http://", "https://")));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("badValues")
	void badValueFailsStartUpWithAReport(String property, String value, List<String> accepted,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> TestShop.start(property + "=" + value));
		assertReport(output.getAll(), property, value, accepted);
	}

	@Test
	void badVariableStopsARealApplicationWithOnlyTheReport() throws Exception {
		try (ChildJvm child = ChildJvm.start(ChildShop.class,
				Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "1.5"))) {
			child.closeInput();
			int exitCode = child.awaitExit();
			assertThat(exitCode).as(child.output()).isNotZero();
			assertReport(child.output(), "tracing.sampling.ratio", "1.5", List.of("0.0", "1.0"));
			// The user set a variable, not the property: the report says which one.
			assertThat(child.output()).contains("OTEL_TRACES_SAMPLER_ARG");
			assertThat(STACK_FRAME.matcher(child.output()).find()).as("stack trace in:\n%s", child.output()).isFalse();
		}
	}

	private static void assertReport(String output, String property, String value, List<String> accepted) {
		assertThat(output).as(output).contains(FAILED);
		String before = output.substring(0, output.indexOf(FAILED));
		String report = output.substring(output.indexOf(FAILED));
		assertThat(STACK_FRAME.matcher(before).find()).as("stack trace before the report:\n%s", before).isFalse();
		assertThat(report).contains("Description:", "Action:", property, value);
		String action = report.substring(report.indexOf("Action:"));
		assertThat(action).as(report).contains(property).contains(accepted);
	}

}
