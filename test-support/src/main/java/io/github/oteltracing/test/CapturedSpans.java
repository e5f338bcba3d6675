package io.github.oteltracing.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans the application has ended since the current test method started, in the
 * order they ended: the bean that {@link AutoConfigureTracingCapture} adds. Assert on them
 * with {@code io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions}:
 * <pre class="code">
 * SpanData server = spans.awaitSpan("GET /stock/{sku}");
 * SpanData traced = spans.awaitSpan("count-stock");
 * assertThat(server).hasKind(SpanKind.SERVER).hasNoParent();
 * assertThat(traced).hasParent(server).hasAttribute(stringKey("product.sku"), "MUG");
 * </pre>
 * and whole traces with {@code TracesAssert.assertThat(spans.traces())}.
 */
public final class CapturedSpans {

	/** How long {@link #awaitSpan(String)} waits: generous, as only a failing test waits it out. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private final SpanExporter exporter = new NotifyingExporter();

	CapturedSpans() {
	}

	/**
	 * Returns the spans ended so far.
	 * @return the spans, in the order they ended
	 */
	public List<SpanData> spans() {
		return this.spans.getFinishedSpanItems();
	}

	/**
	 * Returns the first span ended with the given name, waiting up to
	 * {@link #DEFAULT_TIMEOUT} for it to end.
	 * @param name the span name
	 * @return the span
	 * @throws AssertionError if no such span ends in time; it lists the spans that did
	 */
	public SpanData awaitSpan(String name) {
		return awaitSpan(name, DEFAULT_TIMEOUT);
	}

	/**
	 * Returns the first span ended with the given name, waiting up to the given time for
	 * it to end.
	 * @param name the span name
	 * @param timeout the longest wait
	 * @return the span
	 * @throws AssertionError if no such span ends in time; it lists the spans that did
	 */
	public SpanData awaitSpan(String name, Duration timeout) {
		return awaitSpan((span) -> span.getName().equals(name), "named '" + name + "'", timeout);
	}

	/**
	 * Returns the first ended span that matches, waiting up to the given time for one.
	 * @param condition what the span must satisfy
	 * @param description what the condition asks for, for the failure message
	 * @param timeout the longest wait
	 * @return the span
	 * @throws AssertionError if no such span ends in time; it lists the spans that did
	 */
	public SpanData awaitSpan(Predicate<SpanData> condition, String description, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.exporter) {
			while (true) {
				Optional<SpanData> found = spans().stream().filter(condition).findFirst();
				if (found.isPresent()) {
					return found.get();
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new AssertionError("No span " + description + " ended within " + timeout
							+ "; spans ended: " + spans().stream().map(SpanData::getName).toList());
				}
				try {
					this.exporter.wait(Math.max(1, Duration.ofNanos(remaining).toMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("Interrupted while waiting for a span " + description, ex);
				}
			}
		}
	}

	/**
	 * Returns the spans of one trace.
	 * @param traceId the trace id (32 hex digits)
	 * @return the trace's spans ended so far, in the order they ended
	 */
	public List<SpanData> trace(String traceId) {
		return spans().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	/**
	 * Returns the spans grouped by trace, for
	 * {@code io.opentelemetry.sdk.testing.assertj.TracesAssert}.
	 * @return one list per trace, traces and spans in the order they ended
	 */
	public List<List<SpanData>> traces() {
		Map<String, List<SpanData>> traces = new LinkedHashMap<>();
		for (SpanData span : spans()) {
			traces.computeIfAbsent(span.getTraceId(), (id) -> new ArrayList<>()).add(span);
		}
		return traces.values().stream().map(List::copyOf).toList();
	}

	/**
	 * Returns the direct children of a span.
	 * @param parent the parent span
	 * @return the spans ended so far whose parent it is, in the order they ended
	 */
	public List<SpanData> children(SpanData parent) {
		return spans().stream()
			.filter((span) -> span.getTraceId().equals(parent.getTraceId())
					&& span.getParentSpanId().equals(parent.getSpanId()))
			.toList();
	}

	/**
	 * Forgets every span captured so far; done before each test method.
	 */
	public void reset() {
		this.spans.reset();
	}

	/**
	 * The exporter the capturing span processor feeds.
	 * @return the exporter
	 */
	SpanExporter exporter() {
		return this.exporter;
	}

	// Wakes the tests waiting for a span as soon as one ends.
	private final class NotifyingExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> ended) {
			synchronized (this) {
				CompletableResultCode result = CapturedSpans.this.spans.export(ended);
				notifyAll();
				return result;
			}
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
