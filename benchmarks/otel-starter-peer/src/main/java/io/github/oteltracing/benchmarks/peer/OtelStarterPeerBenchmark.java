package io.github.oteltracing.benchmarks.peer;

import java.util.concurrent.TimeUnit;

import io.github.oteltracing.benchmarks.shared.ProxiedCalls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OpenTelemetry starter's {@code @WithSpan}, with the baselines measured again on this
 * classpath, so that its ratio to a raw SDK span compares like with like. The settings
 * match {@code TracingOverheadBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class OtelStarterPeerBenchmark {

	@Benchmark
	public long plain(ProxiedCalls.Plain call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long rawSdkSpan(ProxiedCalls.RawSdkSpan call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long withSpan(OtelStarterCalls.WithSpan call) {
		return call.service.work(call.input);
	}

}
