package io.github.oteltracing.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runner's output ends the run once nobody reads it, instead of a {@link PrintStream}
 * swallowing the error; demo/test-cleanup.sh checks the whole demo with a closed pipe.
 */
class ClosedOutputTests {

	@Test
	void writingToAClosedOutputEndsTheRun() {
		OutputStream closed = new OutputStream() {

			@Override
			public void write(int b) throws IOException {
				throw new IOException("Broken pipe");
			}

		};
		PrintStream out = new PrintStream(new DemoRunner.ClosedOutputDetecting(closed), true, StandardCharsets.UTF_8);
		assertThatExceptionOfType(DemoRunner.OutputClosedException.class).isThrownBy(() -> out.println("a line"))
			.withMessageContaining("Broken pipe");
	}

}
