package io.github.oteltracing.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@code cpu.process.norm}, the CPU time of the whole benchmark JVM per operation
 * (every thread, the JIT compilers and the garbage collector included), and
 * {@code cpu.receiver.norm}, the part of it used by {@link OtlpExportBenchmark}'s receiver.
 * For work a benchmark hands to other threads, which
 * {@code io.github.oteltracing.benchmarks.shared.ThreadCpuTimeProfiler} does not see. Use
 * with {@code -prof io.github.oteltracing.benchmarks.ProcessCpuTimeProfiler}.
 */
public final class ProcessCpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long processAtStart;

	private long receiverAtStart;

	@Override
	public String getDescription() {
		return "CPU time of the whole JVM, and of the OTLP receiver's threads, per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.processAtStart = this.os.getProcessCpuTime();
		this.receiverAtStart = OtlpExportBenchmark.receiverCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long process = this.os.getProcessCpuTime() - this.processAtStart;
		long receiver = OtlpExportBenchmark.receiverCpuTime() - this.receiverAtStart;
		long operations = result.getMetadata().getAllOps();
		return List.of(perOperation("cpu.process.norm", process, operations),
				perOperation("cpu.receiver.norm", receiver, operations));
	}

	private static ScalarResult perOperation(String label, long nanos, long operations) {
		double value = (operations > 0) ? (double) nanos / operations : Double.NaN;
		return new ScalarResult(label, value, "ns/op", AggregationPolicy.AVG);
	}

}
