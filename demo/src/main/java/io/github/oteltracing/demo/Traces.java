package io.github.oteltracing.demo;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;

/**
 * Waits for traces to arrive whole. Each service exports on its own schedule, so a trace
 * counts as complete once it has a root span and no span of the awaited traces has
 * arrived for a quiet period.
 */
final class Traces {

	private static final long POLL_MILLIS = 100;

	private Traces() {
	}

	/**
	 * Waits for the given traces.
	 * @param sink where the spans arrive
	 * @param traceIds the traces to wait for
	 * @param quiet how long no new span must arrive
	 * @param timeout how long to wait at most
	 * @return the spans of each trace, by trace id in the given order; a trace that is
	 * still incomplete at the timeout has what arrived, possibly nothing
	 * @throws InterruptedException if interrupted while waiting
	 */
	static Map<String, List<ReceivedSpan>> await(TraceSink sink, Collection<String> traceIds, Duration quiet,
			Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, List<ReceivedSpan>> traces = collect(sink, traceIds);
		int seen = count(traces);
		long lastChange = System.nanoTime();
		while (System.nanoTime() < deadline) {
			boolean rooted = traces.values().stream().allMatch(Traces::hasRoot);
			if (rooted && System.nanoTime() - lastChange >= quiet.toNanos()) {
				break;
			}
			Thread.sleep(POLL_MILLIS);
			traces = collect(sink, traceIds);
			if (count(traces) != seen) {
				seen = count(traces);
				lastChange = System.nanoTime();
			}
		}
		return traces;
	}

	static boolean hasRoot(List<ReceivedSpan> trace) {
		return trace.stream().anyMatch((span) -> span.parentSpanId().isEmpty());
	}

	private static Map<String, List<ReceivedSpan>> collect(TraceSink sink, Collection<String> traceIds) {
		Map<String, List<ReceivedSpan>> byTrace = sink.spans()
			.stream()
			.filter((span) -> traceIds.contains(span.traceId()))
			.collect(Collectors.groupingBy(ReceivedSpan::traceId));
		Map<String, List<ReceivedSpan>> ordered = new LinkedHashMap<>();
		traceIds.forEach((id) -> ordered.put(id, byTrace.getOrDefault(id, List.of())));
		return ordered;
	}

	private static int count(Map<String, List<ReceivedSpan>> traces) {
		return traces.values().stream().mapToInt(List::size).sum();
	}

}
