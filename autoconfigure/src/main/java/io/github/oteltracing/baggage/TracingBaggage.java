package io.github.oteltracing.baggage;

import io.github.oteltracing.internal.baggage.RequestBaggage;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.context.Context;

/**
 * Baggage for the rest of a request, in one line:
 * {@code TracingBaggage.set("customer.id", customerId)}. Every span started afterwards in
 * the request (with {@code tracing.baggage.tag-fields}), every log line (with
 * {@code tracing.baggage.correlation-fields}) and every outgoing call carries the entry,
 * also across {@code @Async} and Reactor hops.
 *
 * <p>A request is an incoming HTTP request or message whose context the starter
 * extracted. Outside one (a scheduled job, a test), put the entry into OpenTelemetry's
 * baggage for a scope instead:
 * {@code try (Scope scope = Baggage.current().toBuilder().put(name, value).build().makeCurrent())}.
 */
public final class TracingBaggage {

	private TracingBaggage() {
	}

	/**
	 * Sets a baggage entry for the rest of the current request.
	 * @param name the entry's name
	 * @param value the value; {@code null} takes back a value set before
	 * @return {@code false} when there is no current request, and nothing was set
	 */
	public static boolean set(String name, String value) {
		RequestBaggage request = RequestBaggage.from(Context.current());
		if (request == null || name == null || name.isEmpty()) {
			return false;
		}
		request.put(name, value);
		return true;
	}

	/**
	 * The value of a baggage entry in the current context, including entries set with
	 * {@link #set(String, String)}.
	 * @param name the entry's name
	 * @return the value or {@code null}
	 */
	public static String get(String name) {
		return get(Context.current(), name);
	}

	/**
	 * The value of a baggage entry in a context, including entries set with
	 * {@link #set(String, String)}.
	 * @param context the context
	 * @param name the entry's name
	 * @return the value or {@code null}
	 */
	public static String get(Context context, String name) {
		return RequestBaggage.value(context, name);
	}

	/**
	 * The baggage of a context, including entries set with {@link #set(String, String)}.
	 * @param context the context
	 * @return the baggage
	 */
	public static Baggage current(Context context) {
		return RequestBaggage.effective(context);
	}

}
