package io.github.oteltracing.benchmarks;

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
 * Time and allocation of one call of a proxied bean method, traced in different ways. Each
 * benchmark has its own state, so each builds only its own context, and returns the call's
 * result, which JMH hands to its blackhole. The two {@code MdcOff} variants are diagnostics:
 * the starter without its log correlation. Run with {@code benchmarks/run.sh}; the variants
 * are described in {@code docs/benchmarks.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class TracingOverheadBenchmark {

	@Benchmark
	public long plain(ProxiedCalls.Plain call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long rawSdkSpan(ProxiedCalls.RawSdkSpan call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long rawSdkSpanSampledOff(ProxiedCalls.RawSdkSpanSampledOff call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long traced(StarterCalls.Traced call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long tracedSampledOff(StarterCalls.TracedSampledOff call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long tracedMdcOff(StarterCalls.TracedMdcOff call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long tracedSampledOffMdcOff(StarterCalls.TracedSampledOffMdcOff call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long newSpan(MicrometerCalls.NewSpan call) {
		return call.service.work(call.input);
	}

	@Benchmark
	public long observed(MicrometerCalls.Observed call) {
		return call.service.work(call.input);
	}

}
