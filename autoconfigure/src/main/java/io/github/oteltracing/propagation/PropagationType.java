package io.github.oteltracing.propagation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.oteltracing.internal.propagation.W3CBaggage;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;

/**
 * A trace context format on the wire ({@code tracing.propagation.types}).
 */
public enum PropagationType {

	/**
	 * W3C Trace Context: {@code traceparent} and {@code tracestate}.
	 */
	TRACECONTEXT("tracecontext"),

	/**
	 * W3C Baggage: the {@code baggage} header.
	 */
	BAGGAGE("baggage"),

	/**
	 * Zipkin B3, single {@code b3} header.
	 */
	B3("b3"),

	/**
	 * Zipkin B3, {@code X-B3-*} headers.
	 */
	B3MULTI("b3multi"),

	/**
	 * Jaeger: the {@code uber-trace-id} header.
	 */
	JAEGER("jaeger");

	private final String value;

	PropagationType(String value) {
		this.value = value;
	}

	/**
	 * Returns the SDK propagator for this format.
	 * @return the propagator
	 */
	public TextMapPropagator propagator() {
		return switch (this) {
			case TRACECONTEXT -> TraceContextPropagator.INSTANCE;
			case BAGGAGE -> W3CBaggage.INSTANCE;
			case B3 -> B3Propagator.injectingSingleHeader();
			case B3MULTI -> B3Propagator.injectingMultiHeaders();
			case JAEGER -> JaegerPropagator.getInstance();
		};
	}

	/**
	 * Returns one propagator that injects all the given formats and extracts any of them.
	 * @param types the formats, in order
	 * @return the composite propagator
	 */
	public static TextMapPropagator composite(List<PropagationType> types) {
		return TextMapPropagator.composite(types.stream().distinct().map(PropagationType::propagator).toList());
	}

	/**
	 * Lists the accepted values, for error messages.
	 * @return the values, comma separated
	 */
	public static String describeAll() {
		return Arrays.stream(values()).map(PropagationType::toString).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
