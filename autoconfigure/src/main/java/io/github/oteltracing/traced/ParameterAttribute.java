package io.github.oteltracing.traced;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.oteltracing.baggage.TracingBaggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * Records one {@code @SpanAttribute} parameter, keeping the value's type. The keys for
 * each possible type are made once; a call only checks the value's type.
 */
final class ParameterAttribute {

	private final int index;

	private final AttributeKey<String> stringKey;

	private final AttributeKey<Long> longKey;

	private final AttributeKey<Double> doubleKey;

	private final AttributeKey<Boolean> booleanKey;

	private final AttributeKey<List<String>> stringArrayKey;

	private final AttributeKey<List<Long>> longArrayKey;

	private final AttributeKey<List<Double>> doubleArrayKey;

	private final AttributeKey<List<Boolean>> booleanArrayKey;

	private final boolean baggage;

	ParameterAttribute(int index, String name) {
		this(index, name, false);
	}

	ParameterAttribute(int index, String name, boolean baggage) {
		this.index = index;
		this.baggage = baggage;
		this.stringKey = AttributeKey.stringKey(name);
		this.longKey = AttributeKey.longKey(name);
		this.doubleKey = AttributeKey.doubleKey(name);
		this.booleanKey = AttributeKey.booleanKey(name);
		this.stringArrayKey = AttributeKey.stringArrayKey(name);
		this.longArrayKey = AttributeKey.longArrayKey(name);
		this.doubleArrayKey = AttributeKey.doubleArrayKey(name);
		this.booleanArrayKey = AttributeKey.booleanArrayKey(name);
	}

	String name() {
		return this.stringKey.getKey();
	}

	boolean isBaggage() {
		return this.baggage;
	}

	/**
	 * Puts the value into baggage: for the rest of the request where there is one, else
	 * into the given builder.
	 * @param arguments the call's arguments
	 * @param scoped where the value goes outside a request
	 * @return whether the builder got a value
	 */
	boolean putBaggage(Object[] arguments, BaggageBuilder scoped) {
		Object value = arguments[this.index];
		if (value == null) {
			return false;
		}
		String string;
		try {
			string = value.toString();
		}
		catch (RuntimeException ex) {
			// Tracing never changes what the method does.
			return false;
		}
		if (string == null || TracingBaggage.set(name(), string)) {
			return false;
		}
		scoped.put(name(), string);
		return true;
	}

	void record(Span span, Object[] arguments) {
		Object value = arguments[this.index];
		if (value == null) {
			return;
		}
		if (value instanceof String string) {
			span.setAttribute(this.stringKey, string);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			span.setAttribute(this.longKey, ((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			span.setAttribute(this.doubleKey, ((Number) value).doubleValue());
		}
		else if (value instanceof Boolean bool) {
			span.setAttribute(this.booleanKey, bool);
		}
		else if (value instanceof Collection<?> collection) {
			recordList(span, new ArrayList<>(collection));
		}
		else if (value.getClass().isArray()) {
			recordList(span, arrayToList(value));
		}
		else {
			span.setAttribute(this.stringKey, value.toString());
		}
	}

	@SuppressWarnings("unchecked")
	private void recordList(Span span, List<Object> values) {
		values.removeIf((element) -> element == null);
		ElementType type = ElementType.of(values);
		switch (type) {
			case LONG -> span.setAttribute(this.longArrayKey,
					(List<Long>) (List<?>) values.stream().map((v) -> ((Number) v).longValue()).toList());
			case DOUBLE -> span.setAttribute(this.doubleArrayKey,
					(List<Double>) (List<?>) values.stream().map((v) -> ((Number) v).doubleValue()).toList());
			case BOOLEAN -> span.setAttribute(this.booleanArrayKey, (List<Boolean>) (List<?>) values);
			case STRING -> span.setAttribute(this.stringArrayKey, values.stream().map(String::valueOf).toList());
		}
	}

	private static List<Object> arrayToList(Object array) {
		int length = Array.getLength(array);
		List<Object> list = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			list.add(Array.get(array, i));
		}
		return list;
	}

	private enum ElementType {

		LONG, DOUBLE, BOOLEAN, STRING;

		static ElementType of(List<Object> values) {
			ElementType common = null;
			for (Object value : values) {
				ElementType type = ofValue(value);
				if (common == null) {
					common = type;
				}
				else if (common != type) {
					return STRING;
				}
			}
			return (common != null) ? common : STRING;
		}

		private static ElementType ofValue(Object value) {
			if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
				return LONG;
			}
			if (value instanceof Double || value instanceof Float) {
				return DOUBLE;
			}
			return (value instanceof Boolean) ? BOOLEAN : STRING;
		}

	}

}
