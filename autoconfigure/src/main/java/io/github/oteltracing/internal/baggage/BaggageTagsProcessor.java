package io.github.oteltracing.internal.baggage;

import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Copies chosen baggage entries onto every span as it starts, as attributes of the same
 * name ({@code tracing.baggage.tag-fields}), whoever starts the span. The exporter's
 * redaction sees them like any other attribute.
 */
public final class BaggageTagsProcessor implements SpanProcessor {

	private final List<AttributeKey<String>> keys;

	/**
	 * Creates the processor.
	 * @param tagFields the baggage entries to copy
	 */
	public BaggageTagsProcessor(Collection<String> tagFields) {
		this.keys = tagFields.stream().distinct().map(AttributeKey::stringKey).toList();
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
		for (AttributeKey<String> key : this.keys) {
			String value = RequestBaggage.value(parentContext, key.getKey());
			if (value != null) {
				span.setAttribute(key, value);
			}
		}
	}

	@Override
	public boolean isStartRequired() {
		return true;
	}

	@Override
	public void onEnd(ReadableSpan span) {
	}

	@Override
	public boolean isEndRequired() {
		return false;
	}

}
