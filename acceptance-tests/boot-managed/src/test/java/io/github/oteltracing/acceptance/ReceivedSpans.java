package io.github.oteltracing.acceptance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds spans among those a {@link TraceSink} received. Tests that share a sink tell
 * their spans apart by an attribute value that only they use.
 */
final class ReceivedSpans {

	static final Duration WAIT = Duration.ofSeconds(10);

	private ReceivedSpans() {
	}

	/**
	 * Waits for the trace whose span {@code name} has the attribute, until it holds at
	 * least {@code size} spans.
	 */
	static List<ReceivedSpan> awaitTrace(TraceSink sink, String name, String key, Object value, int size) {
		List<ReceivedSpan> received = sink.awaitSpans((spans) -> {
			ReceivedSpan span = find(spans, name, key, value);
			return span != null && inTrace(spans, span.traceId()).size() >= size;
		}, WAIT);
		return inTrace(received, find(received, name, key, value).traceId());
	}

	/**
	 * Waits for the span with the name and attribute.
	 */
	static ReceivedSpan awaitSpan(TraceSink sink, String name, String key, Object value) {
		return find(sink.awaitSpans((spans) -> find(spans, name, key, value) != null, WAIT), name, key, value);
	}

	static ReceivedSpan find(List<ReceivedSpan> spans, String name, String key, Object value) {
		return spans.stream()
			.filter((span) -> span.name().equals(name) && Objects.equals(span.attribute(key), value))
			.findFirst()
			.orElse(null);
	}

	static List<ReceivedSpan> inTrace(List<ReceivedSpan> spans, String traceId) {
		return spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	/**
	 * Returns the only span with the name.
	 */
	static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
		List<ReceivedSpan> named = spans.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(named).as("spans named '%s' in %s", name, spans).hasSize(1);
		return named.get(0);
	}

	static Duration duration(ReceivedSpan span) {
		return Duration.ofNanos(span.endEpochNanos() - span.startEpochNanos());
	}

	/**
	 * The attributes of an event, with string, boolean, integer and double values.
	 */
	static Map<String, Object> attributes(Span.Event event) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (KeyValue keyValue : event.getAttributesList()) {
			AnyValue value = keyValue.getValue();
			attributes.put(keyValue.getKey(), switch (value.getValueCase()) {
				case STRING_VALUE -> value.getStringValue();
				case BOOL_VALUE -> value.getBoolValue();
				case INT_VALUE -> value.getIntValue();
				case DOUBLE_VALUE -> value.getDoubleValue();
				default -> value.toString();
			});
		}
		return attributes;
	}

}
