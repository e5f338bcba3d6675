package io.github.oteltracing.internal.logging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real application started with {@code SpringApplication} in a fresh JVM: the
 * environment post-processor installs the MDC hook before anything uses the context, so
 * log lines inside spans carry the ids, on the caller's thread and on the {@code @Async}
 * one, and lines after them do not.
 */
class TraceMdcStartupTests {

	private static final Pattern LINE = Pattern.compile("MDC\\[([0-9a-f]*)\\|([0-9a-f]*)\\|([0-9]*)\\] (\\w+)");

	@Test
	void applicationLogsCarryTheIdsWithNoSetUp() throws Exception {
		List<String> output = runApplication();
		String inside = line(output, "inside");
		String async = line(output, "async");
		String after = line(output, "after");
		Matcher insideIds = ids(inside);
		assertThat(insideIds.group(1)).hasSize(32);
		assertThat(insideIds.group(2)).hasSize(16);
		assertThat(insideIds.group(3)).isEqualTo("01");
		Matcher asyncIds = ids(async);
		assertThat(asyncIds.group(1)).isEqualTo(insideIds.group(1));
		assertThat(asyncIds.group(2)).isEqualTo(insideIds.group(2));
		assertThat(after).isEqualTo("MDC[||] after");
		assertThat(output).noneMatch((line) -> line.contains("tracing.logging.mdc"));
	}

	private static List<String> runApplication() throws IOException, InterruptedException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				TraceMdcStartupApplication.class.getName())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The application did not finish");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().toList();
	}

	private static String line(List<String> output, String message) {
		return output.stream()
			.filter((line) -> line.endsWith("] " + message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line '" + message + "' in " + output));
	}

	private static Matcher ids(String line) {
		Matcher matcher = LINE.matcher(line);
		assertThat(matcher.matches()).as(line).isTrue();
		return matcher;
	}

}
