package io.github.oteltracing.benchmarks.shared;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The exporter of every variant: counts and drops, so that only the cost of creating and
 * ending spans is measured. Remembers the last span of a batch for the set-up checks.
 */
public final class CountingSpanExporter implements SpanExporter {

	private final LongAdder exported = new LongAdder();

	private volatile SpanData last;

	private volatile ReadableSpan lastEnded;

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.exported.add(spans.size());
		for (SpanData span : spans) {
			this.last = span;
		}
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	/**
	 * Counts a span that a {@link SpanPipeline#COUNT_ONLY count-only} processor ended,
	 * without converting it to {@link SpanData}.
	 */
	void ended(ReadableSpan span) {
		this.exported.increment();
		this.lastEnded = span;
	}

	public long exported() {
		return this.exported.sum();
	}

	SpanData last() {
		ReadableSpan ended = this.lastEnded;
		return (ended != null) ? ended.toSpanData() : this.last;
	}

}
