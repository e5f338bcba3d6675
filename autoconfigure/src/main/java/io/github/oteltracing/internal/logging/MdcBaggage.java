package io.github.oteltracing.internal.logging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.oteltracing.baggage.TracingBaggage;
import io.opentelemetry.context.Context;
import org.slf4j.MDC;

/**
 * Writes the correlation fields ({@code tracing.baggage.correlation-fields}) of a context's
 * baggage into the MDC, under their own names, with the trace ids' guarantees: while the
 * hook is active the MDC shows the current value of each field or none; entries the
 * starter wrote are taken out again once no application lists the field, so a pooled
 * thread never keeps a stale value.
 */
final class MdcBaggage {

	private static final List<List<String>> registrations = new ArrayList<>();

	private static volatile String[] fields = new String[0];

	// The values this thread's MDC got from the starter, null when it holds none.
	private static final ThreadLocal<Map<String, String>> written = new ThreadLocal<>();

	private MdcBaggage() {
	}

	static synchronized void register(List<String> names) {
		registrations.add(names);
		update();
	}

	static synchronized void deregister(List<String> names) {
		registrations.remove(names);
		update();
	}

	private static void update() {
		Set<String> all = new LinkedHashSet<>();
		registrations.forEach(all::addAll);
		fields = all.toArray(new String[0]);
	}

	/**
	 * Makes the MDC show the correlation fields of the context, writing only what changed.
	 * @param context the current context
	 */
	static void show(Context context) {
		String[] names = fields;
		Map<String, String> mine = written.get();
		if (names.length == 0 && mine == null) {
			return;
		}
		for (String name : names) {
			String value = TracingBaggage.get(context, name);
			if (value != null) {
				if (!value.equals(MDC.get(name))) {
					MDC.put(name, value);
				}
				if (mine == null) {
					mine = new HashMap<>();
					written.set(mine);
				}
				mine.put(name, value);
			}
			else if (MDC.get(name) != null) {
				MDC.remove(name);
				if (mine != null) {
					mine.remove(name);
				}
			}
		}
		if (mine != null && mine.size() > 0) {
			releaseUnlisted(mine, names);
		}
	}

	// Fields no application lists any more.
	private static void releaseUnlisted(Map<String, String> mine, String[] names) {
		Iterator<Map.Entry<String, String>> entries = mine.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<String, String> entry = entries.next();
			if (!contains(names, entry.getKey())) {
				if (entry.getValue().equals(MDC.get(entry.getKey()))) {
					MDC.remove(entry.getKey());
				}
				entries.remove();
			}
		}
	}

	/**
	 * Whether two contexts show the same correlation field values.
	 * @param one a context
	 * @param other another context, possibly {@code null}
	 * @return {@code true} if the MDC would show the same
	 */
	static boolean same(Context one, Context other) {
		for (String name : fields) {
			if (!Objects.equals(TracingBaggage.get(one, name),
					(other != null) ? TracingBaggage.get(other, name) : null)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Takes out the values the starter put into this thread's MDC, if they are still
	 * there.
	 */
	static void release() {
		Map<String, String> mine = written.get();
		if (mine != null) {
			mine.forEach((name, value) -> {
				if (value.equals(MDC.get(name))) {
					MDC.remove(name);
				}
			});
			written.remove();
		}
	}

	private static boolean contains(String[] names, String name) {
		for (String candidate : names) {
			if (candidate.equals(name)) {
				return true;
			}
		}
		return false;
	}

}
