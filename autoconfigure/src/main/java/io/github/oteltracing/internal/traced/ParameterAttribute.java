package io.github.oteltracing.internal.traced;

import java.lang.reflect.Array;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.oteltracing.baggage.TracingBaggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Records one {@code @SpanAttribute} parameter, keeping the value's type. The keys, and
 * whatever the declared type already tells about the value, are worked out once per
 * method; a call only converts the value.
 *
 * <p>Capture never throws into the application: a value whose {@code toString()} or
 * iteration fails is left out (logged once). What is copied is bounded: the first
 * {@value #MAX_ELEMENTS} elements of an array or collection, the first
 * {@value #MAX_LENGTH} characters of a string.
 */
final class ParameterAttribute {

	/**
	 * Elements copied from an array or collection; OpenTelemetry's default limit on the
	 * number of attributes of a span is the same.
	 */
	static final int MAX_ELEMENTS = 128;

	/**
	 * Characters kept of a string or string element. OpenTelemetry sets no default length
	 * limit; this bounds the copy, and the SDK's own limit, when configured, applies after.
	 */
	static final int MAX_LENGTH = 4096;

	private static final Log logger = LogFactory.getLog(ParameterAttribute.class);

	private final int index;

	private final String method;

	// Null when only the value can tell, for example a parameter declared as Object.
	private final ValueType declaredType;

	// Null when only the elements can tell.
	private final ValueType declaredElementType;

	private final AttributeKey<String> stringKey;

	private final AttributeKey<Long> longKey;

	private final AttributeKey<Double> doubleKey;

	private final AttributeKey<Boolean> booleanKey;

	private final AttributeKey<List<String>> stringArrayKey;

	private final AttributeKey<List<Long>> longArrayKey;

	private final AttributeKey<List<Double>> doubleArrayKey;

	private final AttributeKey<List<Boolean>> booleanArrayKey;

	private volatile boolean failureLogged;

	private final boolean baggage;

	ParameterAttribute(Parameter parameter, int index, String name, String method, boolean baggage) {
		this.index = index;
		this.baggage = baggage;
		this.method = method;
		this.declaredType = ValueType.ofDeclared(parameter.getType());
		this.declaredElementType = (this.declaredType == ValueType.LIST) ? declaredElementType(parameter) : null;
		this.stringKey = AttributeKey.stringKey(name);
		this.longKey = AttributeKey.longKey(name);
		this.doubleKey = AttributeKey.doubleKey(name);
		this.booleanKey = AttributeKey.booleanKey(name);
		this.stringArrayKey = AttributeKey.stringArrayKey(name);
		this.longArrayKey = AttributeKey.longArrayKey(name);
		this.doubleArrayKey = AttributeKey.doubleArrayKey(name);
		this.booleanArrayKey = AttributeKey.booleanArrayKey(name);
	}

	private static ValueType declaredElementType(Parameter parameter) {
		Class<?> type = parameter.getType();
		Class<?> element = type.isArray() ? type.getComponentType()
				: ResolvableType.forType(parameter.getParameterizedType()).asCollection().resolveGeneric(0);
		return (element != null) ? ValueType.ofDeclared(element) : null;
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
		try {
			ValueType type = (this.declaredType != null) ? this.declaredType : ValueType.of(value);
			switch (type) {
				case STRING -> span.setAttribute(this.stringKey, truncate(value.toString()));
				case LONG -> span.setAttribute(this.longKey, ((Number) value).longValue());
				case DOUBLE -> span.setAttribute(this.doubleKey, ((Number) value).doubleValue());
				case BOOLEAN -> span.setAttribute(this.booleanKey, (Boolean) value);
				case LIST -> recordList(span, elements(value));
			}
		}
		catch (Exception | StackOverflowError | LinkageError ex) {
			failed(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private void recordList(Span span, List<Object> values) {
		ValueType type = (this.declaredElementType != null) ? this.declaredElementType : ValueType.common(values);
		switch (type) {
			case LONG -> span.setAttribute(this.longArrayKey,
					(List<Long>) (List<?>) values.stream().map((v) -> ((Number) v).longValue()).toList());
			case DOUBLE -> span.setAttribute(this.doubleArrayKey,
					(List<Double>) (List<?>) values.stream().map((v) -> ((Number) v).doubleValue()).toList());
			case BOOLEAN -> span.setAttribute(this.booleanArrayKey, (List<Boolean>) (List<?>) values);
			default -> span.setAttribute(this.stringArrayKey,
					values.stream().map((v) -> truncate(v.toString())).toList());
		}
	}

	/** The first {@link #MAX_ELEMENTS} elements that are not null. */
	private static List<Object> elements(Object value) {
		List<Object> elements = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			for (Object element : collection) {
				if (element != null) {
					elements.add(element);
					if (elements.size() == MAX_ELEMENTS) {
						break;
					}
				}
			}
		}
		else {
			int length = Array.getLength(value);
			for (int i = 0; i < length && elements.size() < MAX_ELEMENTS; i++) {
				Object element = Array.get(value, i);
				if (element != null) {
					elements.add(element);
				}
			}
		}
		return elements;
	}

	private static String truncate(String value) {
		if (value.length() <= MAX_LENGTH) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
		return value.substring(0, end);
	}

	private void failed(Throwable ex) {
		if (!this.failureLogged) {
			this.failureLogged = true;
			logger.warn("@SpanAttribute '" + name() + "' of " + this.method
					+ " is left out of spans: its value could not be read", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("@SpanAttribute '" + name() + "' of " + this.method + " left out", ex);
		}
	}

	/**
	 * The attribute type a value becomes.
	 */
	private enum ValueType {

		LONG, DOUBLE, BOOLEAN, STRING, LIST;

		/**
		 * What a declared type tells, or {@code null} when values of several types may come.
		 */
		static ValueType ofDeclared(Class<?> type) {
			Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
			if (boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == Byte.class) {
				return LONG;
			}
			if (boxed == Double.class || boxed == Float.class) {
				return DOUBLE;
			}
			if (boxed == Boolean.class) {
				return BOOLEAN;
			}
			if (type.isArray() || Collection.class.isAssignableFrom(type)) {
				return LIST;
			}
			return Modifier.isFinal(type.getModifiers()) ? STRING : null;
		}

		static ValueType of(Object value) {
			if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
				return LONG;
			}
			if (value instanceof Double || value instanceof Float) {
				return DOUBLE;
			}
			if (value instanceof Boolean) {
				return BOOLEAN;
			}
			return (value instanceof Collection || value.getClass().isArray()) ? LIST : STRING;
		}

		/** The type all elements share, else {@code STRING}. */
		static ValueType common(List<Object> values) {
			ValueType common = null;
			for (Object value : values) {
				ValueType type = of(value);
				if (type == LIST || (common != null && common != type)) {
					return STRING;
				}
				common = type;
			}
			return (common != null) ? common : STRING;
		}

	}

}
