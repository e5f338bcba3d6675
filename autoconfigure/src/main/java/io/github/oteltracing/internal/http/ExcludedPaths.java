package io.github.oteltracing.internal.http;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.AntPathMatcher;

/**
 * Request paths that are never traced, such as health checks, as Ant patterns. The usual
 * patterns, a literal path ({@code /health}) and a literal prefix of whole segments
 * ({@code /actuator/**}), are matched in place on every request; other patterns, and paths
 * with empty segments, go to {@link AntPathMatcher}, which tokenizes the path each time.
 */
public final class ExcludedPaths {

	private static final String ANY_SUFFIX = "/**";

	private final String[] patterns;

	/** From {@code /prefix/**}: the path is the prefix or continues it with a segment. */
	private final String[] prefixes;

	private final String[] literals;

	/** Neither a prefix nor a literal. */
	private final String[] otherPatterns;

	private final AntPathMatcher matcher = new AntPathMatcher();

	/**
	 * Creates the matcher.
	 * @param patterns Ant-style path patterns; blank ones are ignored
	 */
	public ExcludedPaths(List<String> patterns) {
		this.patterns = patterns.stream().map(String::strip).filter((pattern) -> !pattern.isEmpty()).toArray(String[]::new);
		List<String> prefixes = new ArrayList<>();
		List<String> literals = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (String pattern : this.patterns) {
			String prefix = pattern.endsWith(ANY_SUFFIX) ? pattern.substring(0, pattern.length() - ANY_SUFFIX.length())
					: null;
			if (prefix != null && isLiteral(prefix) && !prefix.endsWith("/")) {
				prefixes.add(prefix);
			}
			else if (isLiteral(pattern)) {
				literals.add(pattern);
			}
			else {
				others.add(pattern);
			}
		}
		this.prefixes = prefixes.toArray(String[]::new);
		this.literals = literals.toArray(String[]::new);
		this.otherPatterns = others.toArray(String[]::new);
	}

	/**
	 * Whether a pattern matches exactly the paths equal to it: a rooted path of non-empty
	 * segments without wildcards or variables.
	 */
	private static boolean isLiteral(String pattern) {
		if (pattern.isEmpty() || pattern.charAt(0) != '/' || pattern.contains("//")) {
			return false;
		}
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '*' || c == '?' || c == '{' || c == '}') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether requests to the path are not traced.
	 * @param path the request path, without the context path
	 * @return {@code true} to skip tracing
	 */
	public boolean isExcluded(String path) {
		return isExcluded(path, 0);
	}

	/**
	 * Whether requests to the path that starts at an offset of a request URI are not
	 * traced; the path is not copied out unless a pattern needs it.
	 * @param requestUri the request URI
	 * @param from where the path starts in it: the length of the context path
	 * @return {@code true} to skip tracing
	 */
	public boolean isExcluded(String requestUri, int from) {
		if (this.patterns.length == 0) {
			return false;
		}
		// Without empty segments, a literal matches only the same characters.
		if (requestUri.startsWith("/", from) && requestUri.indexOf("//", from) < 0) {
			for (String prefix : this.prefixes) {
				if (requestUri.startsWith(prefix, from) && (requestUri.length() == from + prefix.length()
						|| requestUri.charAt(from + prefix.length()) == '/')) {
					return true;
				}
			}
			for (String literal : this.literals) {
				if (requestUri.length() == from + literal.length() && requestUri.startsWith(literal, from)) {
					return true;
				}
			}
			return matchesAny(this.otherPatterns, requestUri, from);
		}
		return matchesAny(this.patterns, requestUri, from);
	}

	private boolean matchesAny(String[] patterns, String requestUri, int from) {
		if (patterns.length == 0) {
			return false;
		}
		String path = requestUri.substring(from);
		for (String pattern : patterns) {
			if (this.matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

}
