package io.github.oteltracing.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * A span received by a {@link TraceSink}, together with the resource and instrumentation
 * scope it was exported with. Instances are immutable.
 *
 * <p>Attribute values are converted from their OTLP form: strings to {@link String},
 * integers to {@link Long}, doubles to {@link Double}, booleans to {@link Boolean}, arrays
 * to an unmodifiable {@link List} of converted values, key-value lists to an unmodifiable
 * {@link Map} and bytes to {@code byte[]}.
 */
public final class ReceivedSpan {

	private static final HexFormat HEX = HexFormat.of();

	private final Span span;

	private final Resource resource;

	private final InstrumentationScope scope;

	private final Map<String, Object> attributes;

	private final Map<String, Object> resourceAttributes;

	ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {
		this.resource = Objects.requireNonNull(resource, "resource");
		this.scope = Objects.requireNonNull(scope, "scope");
		this.span = Objects.requireNonNull(span, "span");
		this.attributes = toMap(span.getAttributesList());
		this.resourceAttributes = toMap(resource.getAttributesList());
	}

	/**
	 * Returns the span as it was received.
	 * @return the protobuf span
	 */
	public Span proto() {
		return this.span;
	}

	/**
	 * Returns the resource the span was exported with.
	 * @return the protobuf resource
	 */
	public Resource resource() {
		return this.resource;
	}

	/**
	 * Returns the instrumentation scope the span was exported with.
	 * @return the protobuf instrumentation scope
	 */
	public InstrumentationScope scope() {
		return this.scope;
	}

	/**
	 * Returns the name of the instrumentation scope (the tracer name).
	 * @return the scope name, empty if none was sent
	 */
	public String scopeName() {
		return this.scope.getName();
	}

	/**
	 * Returns the span name.
	 * @return the span name
	 */
	public String name() {
		return this.span.getName();
	}

	/**
	 * Returns the trace id.
	 * @return 32 lower-case hex digits
	 */
	public String traceId() {
		return hex(this.span.getTraceId());
	}

	/**
	 * Returns the span id.
	 * @return 16 lower-case hex digits
	 */
	public String spanId() {
		return hex(this.span.getSpanId());
	}

	/**
	 * Returns the id of the parent span.
	 * @return 16 lower-case hex digits, or an empty string for a root span
	 */
	public String parentSpanId() {
		return hex(this.span.getParentSpanId());
	}

	/**
	 * Returns the span kind.
	 * @return the kind, for example {@code SPAN_KIND_SERVER}
	 */
	public Span.SpanKind kind() {
		return this.span.getKind();
	}

	/**
	 * Returns the status code.
	 * @return the status code, {@code STATUS_CODE_UNSET} when none was set
	 */
	public Status.StatusCode statusCode() {
		return this.span.getStatus().getCode();
	}

	/**
	 * Returns the status description.
	 * @return the status message, empty if none was set
	 */
	public String statusMessage() {
		return this.span.getStatus().getMessage();
	}

	/**
	 * Returns the span attributes, converted as described on this class.
	 * @return an unmodifiable map in the order the attributes were sent
	 */
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	/**
	 * Returns one span attribute.
	 * @param key the attribute key
	 * @return the converted value, or {@code null} if absent
	 */
	public Object attribute(String key) {
		return this.attributes.get(key);
	}

	/**
	 * Returns the resource attributes, converted as described on this class.
	 * @return an unmodifiable map in the order the attributes were sent
	 */
	public Map<String, Object> resourceAttributes() {
		return this.resourceAttributes;
	}

	/**
	 * Returns one resource attribute.
	 * @param key the attribute key
	 * @return the converted value, or {@code null} if absent
	 */
	public Object resourceAttribute(String key) {
		return this.resourceAttributes.get(key);
	}

	/**
	 * Returns the span events.
	 * @return the events, in the order they were sent
	 */
	public List<Span.Event> events() {
		return this.span.getEventsList();
	}

	/**
	 * Returns the start time.
	 * @return nanoseconds since the epoch
	 */
	public long startEpochNanos() {
		return this.span.getStartTimeUnixNano();
	}

	/**
	 * Returns the end time.
	 * @return nanoseconds since the epoch
	 */
	public long endEpochNanos() {
		return this.span.getEndTimeUnixNano();
	}

	/**
	 * Returns the {@code service.name} resource attribute.
	 * @return the service name, or {@code null} if the resource has none
	 */
	public String serviceName() {
		Object name = this.resourceAttributes.get("service.name");
		return (name != null) ? name.toString() : null;
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder("'").append(name()).append("' ")
			.append(kind().name().replace("SPAN_KIND_", ""))
			.append(" trace=").append(traceId())
			.append(" span=").append(spanId());
		String parent = parentSpanId();
		if (!parent.isEmpty()) {
			sb.append(" parent=").append(parent);
		}
		if (statusCode() != Status.StatusCode.STATUS_CODE_UNSET) {
			sb.append(" status=").append(statusCode().name().replace("STATUS_CODE_", ""));
		}
		String service = serviceName();
		if (service != null) {
			sb.append(" service=").append(service);
		}
		return sb.toString();
	}

	private static String hex(ByteString bytes) {
		return bytes.isEmpty() ? "" : HEX.formatHex(bytes.toByteArray());
	}

	private static Map<String, Object> toMap(List<KeyValue> keyValues) {
		if (keyValues.isEmpty()) {
			return Collections.emptyMap();
		}
		// LinkedHashMap rather than Map.copyOf: keeps the order and tolerates unset values.
		Map<String, Object> map = new LinkedHashMap<>();
		for (KeyValue keyValue : keyValues) {
			map.put(keyValue.getKey(), toValue(keyValue.getValue()));
		}
		return Collections.unmodifiableMap(map);
	}

	private static Object toValue(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> value.getBoolValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> value.getDoubleValue();
			case BYTES_VALUE -> value.getBytesValue().toByteArray();
			case KVLIST_VALUE -> toMap(value.getKvlistValue().getValuesList());
			case ARRAY_VALUE -> {
				List<Object> list = new ArrayList<>(value.getArrayValue().getValuesCount());
				for (AnyValue element : value.getArrayValue().getValuesList()) {
					list.add(toValue(element));
				}
				yield Collections.unmodifiableList(list);
			}
			case VALUE_NOT_SET -> null;
		};
	}

}
