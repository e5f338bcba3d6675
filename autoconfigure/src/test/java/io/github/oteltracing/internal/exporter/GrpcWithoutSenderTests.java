package io.github.oteltracing.internal.exporter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter's own dependencies only, which bring no gRPC sender, set
 * to export over grpc: start-up fails with a report that says what to add, in a process of
 * its own whose class path lacks OkHttp's sender (this module's tests have it, as grpc
 * users do).
 */
class GrpcWithoutSenderTests {

	@Test
	void startUpFailureSaysWhichDependencyToAdd() throws IOException, InterruptedException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("opentelemetry-exporter-sender-okhttp"))
			.collect(Collectors.joining(File.pathSeparator));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
				classPath, ExportTestApp.class.getName(), "--tracing.exporter.otlp.protocol=grpc",
				"--tracing.exporter.otlp.endpoint=http://127.0.0.1:4317");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try {
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("tracing.exporter.otlp.protocol is grpc (endpoint http://127.0.0.1:4317), but no OpenTelemetry"
					+ " gRPC sender is on the class path")
			.contains("Add io.opentelemetry:opentelemetry-exporter-sender-okhttp to the application's dependencies")
			.contains("or set tracing.exporter.otlp.protocol=http/protobuf")
			.doesNotContain("READY");
		assertThat(process.exitValue()).isNotZero();
	}

}
