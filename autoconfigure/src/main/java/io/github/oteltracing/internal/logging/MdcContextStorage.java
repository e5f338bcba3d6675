package io.github.oteltracing.internal.logging;

import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;

/**
 * Keeps the MDC in step with the current span, for SLF4J backends other than Logback.
 * The MDC is touched only when the span changes: re-attaching the same span, or a
 * context that differs only in baggage other than the correlation fields, costs two
 * context look-ups and no allocation.
 * When a scope closes, the MDC is set from whatever the storage made current again, so
 * pooled threads go back to no ids and out-of-order closes cannot leave stale ones; once
 * no application has the setting on, the ids the starter put are taken out instead.
 */
final class MdcContextStorage implements ContextStorage {

	private final ContextStorage delegate;

	MdcContextStorage(ContextStorage delegate) {
		this.delegate = delegate;
	}

	@Override
	public Scope attach(Context toAttach) {
		if (!TraceMdcHook.isActive()) {
			MdcIds.release();
			MdcBaggage.release();
			return this.delegate.attach(toAttach);
		}
		if (toAttach == null) {
			return this.delegate.attach(toAttach);
		}
		SpanContext next = spanContext(toAttach);
		Context previousContext = this.delegate.current();
		SpanContext previous = spanContext(previousContext);
		Scope scope = this.delegate.attach(toAttach);
		if (sameSpan(next, previous) && MdcBaggage.same(toAttach, previousContext)) {
			return scope;
		}
		MdcIds.put(next);
		MdcBaggage.show(toAttach);
		return new MdcScope(scope);
	}

	@Override
	public Context current() {
		return this.delegate.current();
	}

	@Override
	public Context root() {
		return this.delegate.root();
	}

	private static SpanContext spanContext(Context context) {
		return (context != null) ? Span.fromContext(context).getSpanContext() : SpanContext.getInvalid();
	}

	private static boolean sameSpan(SpanContext one, SpanContext other) {
		return one == other || (one.getSpanId().equals(other.getSpanId())
				&& one.getTraceId().equals(other.getTraceId()) && one.isSampled() == other.isSampled());
	}

	private final class MdcScope implements Scope {

		private final Scope scope;

		MdcScope(Scope scope) {
			this.scope = scope;
		}

		@Override
		public void close() {
			this.scope.close();
			Context current = MdcContextStorage.this.delegate.current();
			MdcIds.put(spanContext(current));
			MdcBaggage.show((current != null) ? current : Context.root());
		}

	}

}
