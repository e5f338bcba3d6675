package io.github.oteltracing.internal.context;

import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Lets Micrometer's context-propagation library (and with it Reactor's automatic context
 * propagation) carry the OpenTelemetry context across threads: the WebFlux filter puts
 * the server span's context into the Reactor context under {@link #KEY}, and every
 * operator sees it as {@link Context#current()}.
 */
public final class OtelContextAccessor implements ThreadLocalAccessor<Context> {

	/** Key of the OpenTelemetry context in Reactor and context-propagation snapshots. */
	public static final String KEY = "io.github.oteltracing.context";

	// Scopes must close in reverse order of opening, which is how snapshots restore.
	private static final ThreadLocal<Deque<Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public Context getValue() {
		Context current = Context.current();
		return (current != Context.root()) ? current : null;
	}

	@Override
	public void setValue(Context value) {
		scopes.get().push(value.makeCurrent());
	}

	@Override
	public void setValue() {
		scopes.get().push(Context.root().makeCurrent());
	}

	@Override
	public void restore(Context previousValue) {
		closeLatest();
	}

	@Override
	public void restore() {
		closeLatest();
	}

	private static void closeLatest() {
		Scope scope = scopes.get().poll();
		if (scope != null) {
			scope.close();
		}
	}

}
