package io.github.oteltracing.internal.sdk;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A span processor that does nothing. Recent SDKs hand out invalid (all-zero) spans when a
 * tracer provider has no processor at all; with {@code tracing.exporter.type=none} spans
 * must still be created and propagated, so this one is registered when there is no other.
 */
public final class KeepSpansValidProcessor implements SpanProcessor {

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
	}

	@Override
	public boolean isEndRequired() {
		return false;
	}

}
