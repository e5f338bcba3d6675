package io.github.oteltracing.internal.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Span names of routed requests ({@code GET /owners/{id}}), made once per route and method
 * rather than on every request. Routes come from the application's handler mappings, so
 * there are few; should there be more than {@value #MAX_ROUTES}, the others are named per
 * request.
 */
final class RouteSpanNames {

	static final int MAX_ROUTES = 2048;

	private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> byRoute = new ConcurrentHashMap<>();

	/**
	 * The span name of a request.
	 * @param method the method as in span names, one of few values
	 * @param route the route template
	 * @return {@code method route}
	 */
	String name(String method, String route) {
		ConcurrentHashMap<String, String> byMethod = this.byRoute.get(route);
		if (byMethod == null) {
			if (this.byRoute.size() >= MAX_ROUTES) {
				return method + " " + route;
			}
			byMethod = this.byRoute.computeIfAbsent(route, (key) -> new ConcurrentHashMap<>(4));
		}
		String name = byMethod.get(method);
		if (name == null) {
			name = byMethod.computeIfAbsent(method, (key) -> key + " " + route);
		}
		return name;
	}

}
