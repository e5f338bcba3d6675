package io.github.oteltracing.internal.http;

import java.util.List;
import java.util.Random;

import io.github.oteltracing.testing.Allocations;
import org.junit.jupiter.api.Test;

import org.springframework.util.AntPathMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excluded paths match exactly what {@link AntPathMatcher} matches, whichever way a pattern
 * is matched, with and without a context path in front of the path.
 */
class ExcludedPathsTests {

	private static final List<String> PATTERNS = List.of("/actuator/**", "/actuator", "/health", "/health/",
			"/api/v1/internal/**", "/", "/**", "**", "/*", "/static/*.css", "/**/*.png", "/users/{id}",
			"/a//b", "/a//**", "actuator/**", "/ac?uator/**", "/actuator/*/details", "/x/**/y", "/Actuator/**",
			"/a b/**", "/actuator/**/");

	private static final List<String> PATHS = List.of("", "/", "//", "/actuator", "/actuator/", "/actuator/health",
			"/actuator/health/liveness", "/actuator//health", "//actuator/health", "/actuatorx", "/actuator-x/health",
			"/Actuator/health", "actuator/health", "/health", "/health/", "/health/x", "/healthz", "/api/v1/internal",
			"/api/v1/internal/x/y", "/api/v1/internalx", "/api/v1", "/static/site.css", "/static/a/site.css",
			"/img/a/b.png", "/users/42", "/users/42/x", "/a/b", "/a//b", "/a/b/c", "/x/y", "/x/1/2/y", "/a b/c",
			"/owners/42", "/actuator/ health", "/actuator/x/details");

	private final AntPathMatcher matcher = new AntPathMatcher();

	@Test
	void everyPatternMatchesWhatAntPathMatcherMatches() {
		for (String pattern : PATTERNS) {
			ExcludedPaths excluded = new ExcludedPaths(List.of(pattern));
			for (String path : PATHS) {
				boolean expected = this.matcher.match(pattern, path);
				assertThat(excluded.isExcluded(path)).as("%s against %s", path, pattern).isEqualTo(expected);
				assertThat(excluded.isExcluded("/context" + path, "/context".length()))
					.as("%s after a context path against %s", path, pattern)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void severalPatternsMatchWhatAnyOfThemMatches() {
		ExcludedPaths excluded = new ExcludedPaths(List.of(" /actuator/** ", "", "/static/*.css", "/health"));
		for (String path : PATHS) {
			boolean expected = this.matcher.match("/actuator/**", path) || this.matcher.match("/static/*.css", path)
					|| this.matcher.match("/health", path);
			assertThat(excluded.isExcluded(path)).as(path).isEqualTo(expected);
		}
	}

	@Test
	void randomPathsMatchWhatAntPathMatcherMatches() {
		Random random = new Random(14);
		String alphabet = "/ac*tuor.x";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder path = new StringBuilder();
			for (int length = random.nextInt(14); length > 0; length--) {
				path.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			for (String pattern : List.of("/actuator/**", "/a/**", "/a", "/a/c")) {
				assertThat(new ExcludedPaths(List.of(pattern)).isExcluded(path.toString())).as("%s against %s", path, pattern)
					.isEqualTo(this.matcher.match(pattern, path.toString()));
			}
		}
	}

	@Test
	void usualPatternsMatchWithoutAllocating() {
		ExcludedPaths excluded = new ExcludedPaths(List.of("/actuator/**", "/health"));
		String[] uris = { "/context/actuator/health", "/context/owners/42", "/context/health" };
		long bytes = Allocations.allocatedBy(10_000, () -> {
			for (String uri : uris) {
				excluded.isExcluded(uri, "/context".length());
			}
		});
		// Tokenizing each path allocated some 200 bytes per match; a few bytes are the probe's.
		assertThat(bytes).isLessThan(10_000);
	}

	@Test
	void noPatternsExcludeNothing() {
		assertThat(new ExcludedPaths(List.of()).isExcluded("/actuator/health")).isFalse();
	}

}
