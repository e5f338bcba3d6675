package io.github.oteltracing.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A main class of the test classpath run in a JVM of its own, with the environment
 * variables given and none of the parent's {@code OTEL_*} or {@code TRACING_*} ones. Its
 * standard output and error go to one file, read by {@link #output()}.
 */
final class ChildJvm implements AutoCloseable {

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final Path output;

	private final Path argumentFile;

	private ChildJvm(Process process, Path output, Path argumentFile) {
		this.process = process;
		this.output = output;
		this.argumentFile = argumentFile;
	}

	static ChildJvm start(Class<?> mainClass, Map<String, String> environment, String... args) throws IOException {
		Path output = Files.createTempFile("child-jvm-", ".log");
		// An argument file keeps a long class path off the command line (Windows limits it).
		Path argumentFile = Files.createTempFile("child-jvm-", ".args");
		Files.writeString(argumentFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// Faster start-up; the child runs for a few seconds only.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("@" + argumentFile);
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("OTEL_") || name.startsWith("TRACING_"));
		builder.environment().putAll(environment);
		return new ChildJvm(builder.start(), output, argumentFile);
	}

	/**
	 * Closes the child's standard input, which {@link ChildShop} takes as the signal to
	 * shut down.
	 */
	void closeInput() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// Already gone: nothing to signal.
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits for the child to exit, failing (with its output) if it takes too long.
	 * @return the exit code
	 */
	int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("Child JVM did not exit within " + EXIT_TIMEOUT + ". Output:\n" + output());
		}
		return this.process.exitValue();
	}

	/**
	 * What the child has written so far.
	 */
	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Files.deleteIfExists(this.output);
		Files.deleteIfExists(this.argumentFile);
	}

}
