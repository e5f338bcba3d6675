package io.github.oteltracing.internal.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Span names of routed requests stay right with many routes and methods, cached or not.
 */
class RouteSpanNamesTests {

	private static final String[] METHODS = { "GET", "POST", "DELETE", "HTTP" };

	@Test
	void everyRouteAndMethodGetsItsOwnNameBeyondTheCachedRoutes() {
		RouteSpanNames names = new RouteSpanNames();
		int routes = RouteSpanNames.MAX_ROUTES + 500;
		for (int round = 0; round < 2; round++) {
			for (int route = 0; route < routes; route++) {
				for (String method : METHODS) {
					assertThat(names.name(method, "/owners/{id}/pets/" + route)).isEqualTo(method + " /owners/{id}/pets/" + route);
				}
			}
		}
	}

	@Test
	void aCachedNameIsMadeOnce() {
		RouteSpanNames names = new RouteSpanNames();
		String first = names.name("GET", "/stock/{sku}");
		assertThat(names.name("GET", new String("/stock/{sku}"))).isSameAs(first);
		assertThat(names.name("POST", "/stock/{sku}")).isEqualTo("POST /stock/{sku}");
	}

}
