package io.github.oteltracing.load.probe;

import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Counts the sampled spans a service ends: the spans it should export.
 */
class SpanCounter implements SpanProcessor {

	private final LongAdder ended = new LongAdder();

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		if (span.getSpanContext().isSampled()) {
			this.ended.increment();
		}
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

	long ended() {
		return this.ended.sum();
	}

	void reset() {
		this.ended.reset();
	}

}
