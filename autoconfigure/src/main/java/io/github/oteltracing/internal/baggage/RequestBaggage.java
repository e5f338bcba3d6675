package io.github.oteltracing.internal.baggage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * Entries set for the rest of one incoming request. OpenTelemetry's baggage is immutable
 * and scoped, so a value set deep inside a request would be gone when that scope closes;
 * this holder is put into the request's context when the caller's context is extracted,
 * and travels with it (across {@code @Async} and Reactor hops), so an entry set once
 * reaches every later span, log line and outgoing call of the request.
 */
public final class RequestBaggage {

	private static final ContextKey<RequestBaggage> KEY = ContextKey.named("io.github.oteltracing.request-baggage");

	private final Map<String, String> entries = new ConcurrentHashMap<>();

	private RequestBaggage() {
	}

	/**
	 * Starts an empty holder for a request.
	 * @param context the request's context
	 * @return the context with the holder
	 */
	public static Context attach(Context context) {
		return context.with(KEY, new RequestBaggage());
	}

	/**
	 * Returns the request's holder.
	 * @param context a context of the request
	 * @return its holder, or {@code null} outside a request
	 */
	public static RequestBaggage from(Context context) {
		return context.get(KEY);
	}

	/**
	 * Sets an entry for the rest of the request.
	 * @param name the entry's name
	 * @param value its value, or {@code null} to remove it
	 */
	public void put(String name, String value) {
		if (value != null) {
			this.entries.put(name, value);
		}
		else {
			this.entries.remove(name);
		}
	}

	/**
	 * The value of one entry, this request's first, else the context's baggage's.
	 * @param context the context
	 * @param name the entry's name
	 * @return the value or {@code null}
	 */
	public static String value(Context context, String name) {
		RequestBaggage request = context.get(KEY);
		String value = (request != null) ? request.entries.get(name) : null;
		return (value != null) ? value : Baggage.fromContext(context).getEntryValue(name);
	}

	/**
	 * The context's baggage with this request's entries on top.
	 * @param context the context
	 * @return the baggage, the context's own instance when this request set nothing
	 */
	public static Baggage effective(Context context) {
		Baggage baggage = Baggage.fromContext(context);
		RequestBaggage request = context.get(KEY);
		if (request == null || request.entries.isEmpty()) {
			return baggage;
		}
		BaggageBuilder builder = baggage.toBuilder();
		request.entries.forEach(builder::put);
		return builder.build();
	}

}
