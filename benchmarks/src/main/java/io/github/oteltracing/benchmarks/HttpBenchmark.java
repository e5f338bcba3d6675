package io.github.oteltracing.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and allocation of one request through each HTTP instrumentation of the starter,
 * without it, outside and inside a trace ({@link HttpCalls}). {@code servletExcluded} is a
 * request to {@code /actuator/health}, which the default {@code exclude-paths} skip.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class HttpBenchmark {

	@Benchmark
	public int servlet(HttpCalls.Server call) throws IOException, ServletException {
		return call.servlet("/owners/42");
	}

	@Benchmark
	public int servletExcluded(HttpCalls.Server call) throws IOException, ServletException {
		return call.servlet("/actuator/health");
	}

	@Benchmark
	public Object webFlux(HttpCalls.Server call) {
		return call.webFlux();
	}

	@Benchmark
	public Object restTemplate(HttpCalls.Client call) throws IOException {
		return call.restTemplate();
	}

	@Benchmark
	public Object webClient(HttpCalls.Client call) {
		return call.webClient();
	}

}
