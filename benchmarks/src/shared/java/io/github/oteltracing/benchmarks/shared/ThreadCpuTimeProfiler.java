package io.github.oteltracing.benchmarks.shared;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@code cpu.time.norm}: CPU time of the benchmark threads per operation. On a
 * shared machine the wall-clock score also counts the time a thread waited for a core
 * while other processes ran; CPU time does not, so it is the steadier measure of what a
 * call costs. Use with {@code -prof io.github.oteltracing.benchmarks.shared.ThreadCpuTimeProfiler}.
 *
 * <p>JMH runs a trial's {@code @Setup} on the worker thread inside the first iteration, so
 * that iteration also counts the set-up (here, starting a Spring context): use at least one
 * warm-up iteration, as {@code -prof gc} needs too.
 */
public final class ThreadCpuTimeProfiler implements InternalProfiler {

	private static final String WORKER_THREAD = "jmh-worker";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private Map<Long, Long> cpuAtStart = Map.of();

	@Override
	public String getDescription() {
		return "CPU time of the benchmark threads per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.cpuAtStart = workerCpuTimes();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long cpu = 0;
		for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
			// Workers are started on the first iteration: one missing at the start had used nothing.
			cpu += worker.getValue() - this.cpuAtStart.getOrDefault(worker.getKey(), 0L);
		}
		// All operations, not only those in the timed window: the CPU time covers the whole iteration.
		long operations = result.getMetadata().getAllOps();
		double perOperation = (operations > 0) ? (double) cpu / operations : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOperation, "ns/op", AggregationPolicy.AVG));
	}

	private Map<Long, Long> workerCpuTimes() {
		Map<Long, Long> times = new HashMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().contains(WORKER_THREAD)) {
				long time = this.threads.getThreadCpuTime(thread.getId());
				if (time >= 0) {
					times.put(thread.getId(), time);
				}
			}
		}
		return times;
	}

}
