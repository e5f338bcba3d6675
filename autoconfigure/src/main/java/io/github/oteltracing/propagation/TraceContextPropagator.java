package io.github.oteltracing.propagation;

import java.util.Collection;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * W3C Trace Context by the specification's current text. OpenTelemetry's propagator reads
 * {@code traceparent} (versions, ids, flags) and writes both headers; {@code tracestate}
 * is read here, since OpenTelemetry drops members that the current key grammar allows.
 * <p>
 * A getter that joins repeated header fields with commas (as HTTP allows for list
 * headers) makes both multi-field rules work: {@code tracestate} fields are combined in
 * order, and several {@code traceparent} fields, which can never hold a comma, make the
 * context invalid.
 */
final class TraceContextPropagator implements TextMapPropagator {

	static final TraceContextPropagator INSTANCE = new TraceContextPropagator();

	private static final String TRACEPARENT = "traceparent";

	private static final String TRACESTATE = "tracestate";

	private final W3CTraceContextPropagator delegate = W3CTraceContextPropagator.getInstance();

	private TraceContextPropagator() {
	}

	@Override
	public Collection<String> fields() {
		return this.delegate.fields();
	}

	@Override
	public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
		this.delegate.inject(context, carrier, setter);
	}

	@Override
	public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
		String traceparent = getter.get(carrier, TRACEPARENT);
		if (traceparent == null || traceparent.indexOf(',') != -1) {
			return context;
		}
		SpanContext parent = Span.fromContext(this.delegate.extract(Context.root(), carrier, new TraceparentOnly<>(getter)))
			.getSpanContext();
		if (!parent.isValid()) {
			return context;
		}
		return context.with(Span.wrap(SpanContext.createFromRemoteParent(parent.getTraceId(), parent.getSpanId(),
				parent.getTraceFlags(), TraceStateHeader.parse(getter.get(carrier, TRACESTATE)))));
	}

	@Override
	public String toString() {
		return "W3CTraceContextPropagator (current W3C tracestate rules)";
	}

	/** Hides {@code tracestate} from OpenTelemetry's propagator, which would parse it again. */
	private record TraceparentOnly<C>(TextMapGetter<C> getter) implements TextMapGetter<C> {

		@Override
		public Iterable<String> keys(C carrier) {
			return this.getter.keys(carrier);
		}

		@Override
		public String get(C carrier, String key) {
			return TRACESTATE.equals(key) ? null : this.getter.get(carrier, key);
		}

	}

}
