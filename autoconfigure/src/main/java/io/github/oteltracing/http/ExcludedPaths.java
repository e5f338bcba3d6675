package io.github.oteltracing.http;

import java.util.List;

import org.springframework.util.AntPathMatcher;

/**
 * Request paths that are never traced, such as health checks, as Ant patterns.
 */
public final class ExcludedPaths {

	private final String[] patterns;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public ExcludedPaths(List<String> patterns) {
		this.patterns = patterns.stream().map(String::strip).filter((pattern) -> !pattern.isEmpty()).toArray(String[]::new);
	}

	/**
	 * Whether requests to the path are not traced.
	 * @param path the request path, without the context path
	 * @return {@code true} to skip tracing
	 */
	public boolean isExcluded(String path) {
		for (String pattern : this.patterns) {
			if (this.matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

}
