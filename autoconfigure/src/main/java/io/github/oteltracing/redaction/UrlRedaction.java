package io.github.oteltracing.redaction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Removes secrets from URLs ({@code url.full}), paths ({@code url.path}) and query
 * strings ({@code url.query}): credentials in the authority ({@code user:password@}), and
 * the values of query, fragment and path parameters with a secret name
 * ({@code ?token=abc} becomes {@code ?token=REDACTED}, {@code /a;jsessionid=B1} becomes
 * {@code /a;jsessionid=REDACTED}). A name is secret when a key matches it, when it is one
 * of the semantic conventions' sensitive query parameters (in any case), when it is
 * {@code jsessionid}, the servlet session id, or when it does not decode. {@link #needsRedaction}
 * allocates nothing, so URLs without secrets cost only a scan.
 */
final class UrlRedaction {

	// The semantic conventions' list for url.query and url.full, matched in any case.
	private static final String[] CONVENTIONS_PARAMETERS = { "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature",
			"X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token" };

	// Servlet containers that track sessions by URL rewriting put it in the path.
	private static final String SESSION_ID_PARAMETER = "jsessionid";

	private final Secrets secrets;

	UrlRedaction(Secrets secrets) {
		this.secrets = secrets;
	}

	boolean needsRedaction(String url) {
		int authorityStart = authorityStart(url);
		int authorityEnd = authorityEnd(url, authorityStart);
		if (userinfoEnd(url, authorityStart, authorityEnd) >= 0) {
			return true;
		}
		int fragment = url.indexOf('#', authorityEnd);
		int query = queryMark(url, authorityEnd, fragment);
		int queryEnd = (fragment >= 0) ? fragment : url.length();
		return hasSecretPathParameter(url, authorityEnd, (query >= 0) ? query : queryEnd)
				|| (query >= 0 && hasSecretParameter(url, query + 1, queryEnd, '&'))
				|| (fragment >= 0 && hasSecretParameter(url, fragment + 1, url.length(), '&'));
	}

	String redact(String url) {
		int authorityStart = authorityStart(url);
		int authorityEnd = authorityEnd(url, authorityStart);
		int at = userinfoEnd(url, authorityStart, authorityEnd);
		int fragment = url.indexOf('#', authorityEnd);
		int query = queryMark(url, authorityEnd, fragment);
		int queryEnd = (fragment >= 0) ? fragment : url.length();
		StringBuilder out = new StringBuilder(url.length());
		if (at >= 0) {
			out.append(url, 0, authorityStart);
			String userinfo = this.secrets.replaceCredentials(url.substring(authorityStart, at));
			if (userinfo != null) {
				out.append(userinfo).append('@');
			}
			out.append(url, at + 1, authorityEnd);
		}
		else {
			out.append(url, 0, authorityEnd);
		}
		appendPath(out, url, authorityEnd, (query >= 0) ? query : queryEnd);
		if (query >= 0) {
			appendSection(out, '?', url, query + 1, queryEnd, '&');
		}
		if (fragment >= 0) {
			appendSection(out, '#', url, fragment + 1, url.length(), '&');
		}
		return out.toString();
	}

	boolean pathNeedsRedaction(String path) {
		return hasSecretPathParameter(path, 0, path.length());
	}

	String redactPath(String path) {
		StringBuilder out = new StringBuilder(path.length());
		appendPath(out, path, 0, path.length());
		return out.toString();
	}

	boolean queryNeedsRedaction(String query) {
		return hasSecretParameter(query, 0, query.length(), '&');
	}

	String redactQuery(String query) {
		StringBuilder out = new StringBuilder(query.length());
		appendParameters(out, query, 0, query.length(), '&');
		return out.toString();
	}

	/** Where the authority starts (after {@code scheme://}), or 0 if the URL has none. */
	private static int authorityStart(String url) {
		int separator = url.indexOf("://");
		if (separator <= 0) {
			return 0;
		}
		for (int i = 0; i < separator; i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#') {
				return 0;
			}
		}
		return separator + 3;
	}

	private static int authorityEnd(String url, int start) {
		if (start == 0) {
			return 0;
		}
		for (int i = start; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '/' || c == '?' || c == '#' || c == ';') {
				return i;
			}
		}
		return url.length();
	}

	/** The {@code @} that ends the user information, or -1. */
	private static int userinfoEnd(String url, int authorityStart, int authorityEnd) {
		if (authorityStart == 0) {
			return -1;
		}
		int at = url.lastIndexOf('@', authorityEnd - 1);
		return (at >= authorityStart) ? at : -1;
	}

	private static int queryMark(String url, int from, int fragment) {
		int query = url.indexOf('?', from);
		return (fragment >= 0 && query > fragment) ? -1 : query;
	}

	/** Path parameters follow a {@code ;} in a segment: {@code /a;x=1;y=2/b}. */
	private boolean hasSecretPathParameter(String text, int start, int end) {
		int parameters = indexOf(text, ';', start, end);
		while (parameters >= 0) {
			int segmentEnd = segmentEnd(text, parameters, end);
			if (hasSecretParameter(text, parameters + 1, segmentEnd, ';')) {
				return true;
			}
			parameters = indexOf(text, ';', segmentEnd, end);
		}
		return false;
	}

	private void appendPath(StringBuilder out, String text, int start, int end) {
		int from = start;
		int parameters = indexOf(text, ';', start, end);
		while (parameters >= 0) {
			int segmentEnd = segmentEnd(text, parameters, end);
			out.append(text, from, parameters);
			appendSection(out, ';', text, parameters + 1, segmentEnd, ';');
			from = segmentEnd;
			parameters = indexOf(text, ';', segmentEnd, end);
		}
		out.append(text, from, end);
	}

	private static int segmentEnd(String text, int from, int end) {
		int slash = indexOf(text, '/', from, end);
		return (slash >= 0) ? slash : end;
	}

	private boolean hasSecretParameter(String text, int start, int end, char separator) {
		int parameter = start;
		while (parameter < end) {
			int next = nextSeparator(text, parameter, end, separator);
			int equals = indexOf(text, '=', parameter, next);
			if (equals >= 0 && equals + 1 < next && isSecretName(text, parameter, equals)) {
				return true;
			}
			parameter = next + 1;
		}
		return false;
	}

	private void appendSection(StringBuilder out, char mark, String text, int start, int end, char separator) {
		int length = out.length();
		out.append(mark);
		if (!appendParameters(out, text, start, end, separator) && start < end) {
			// Every parameter was dropped: no empty '?', '#' or ';' either.
			out.setLength(length);
		}
	}

	/** Appends the parameters, redacted; returns whether any was kept. */
	private boolean appendParameters(StringBuilder out, String text, int start, int end, char separator) {
		boolean kept = false;
		int parameter = start;
		while (parameter < end) {
			int next = nextSeparator(text, parameter, end, separator);
			int equals = indexOf(text, '=', parameter, next);
			String replaced = null;
			boolean secret = equals >= 0 && equals + 1 < next && isSecretName(text, parameter, equals);
			if (secret) {
				replaced = this.secrets.replaceInUrl(text.substring(equals + 1, next));
			}
			if (!secret || replaced != null) {
				if (kept) {
					out.append(separator);
				}
				if (secret) {
					out.append(text, parameter, equals + 1).append(replaced);
				}
				else {
					out.append(text, parameter, next);
				}
				kept = true;
			}
			parameter = next + 1;
		}
		return kept;
	}

	private boolean isSecretName(String text, int start, int end) {
		if (isAlwaysSecret(text, start, end) || this.secrets.isSecretName(text, start, end)) {
			return true;
		}
		// An encoded name (api%2Dkey, to%6Ben) must not slip through.
		if (indexOf(text, '%', start, end) >= 0 || indexOf(text, '+', start, end) >= 0) {
			try {
				String decoded = URLDecoder.decode(text.substring(start, end), StandardCharsets.UTF_8);
				return isAlwaysSecret(decoded, 0, decoded.length()) || this.secrets.isSecretName(decoded);
			}
			catch (IllegalArgumentException ex) {
				// A name that does not decode here may still decode to a secret's elsewhere.
				return true;
			}
		}
		return false;
	}

	/**
	 * Whatever the keys say: the conventions' names and the servlet session id, in any
	 * case ({@code x-amz-signature} signs as well as {@code X-Amz-Signature}).
	 */
	private static boolean isAlwaysSecret(String text, int start, int end) {
		int length = end - start;
		for (String name : CONVENTIONS_PARAMETERS) {
			if (name.length() == length && text.regionMatches(true, start, name, 0, length)) {
				return true;
			}
		}
		return SESSION_ID_PARAMETER.length() == length
				&& text.regionMatches(true, start, SESSION_ID_PARAMETER, 0, length);
	}

	private static int nextSeparator(String text, int from, int end, char separator) {
		int found = indexOf(text, separator, from, end);
		return (found >= 0) ? found : end;
	}

	private static int indexOf(String text, char c, int from, int end) {
		for (int i = from; i < end; i++) {
			if (text.charAt(i) == c) {
				return i;
			}
		}
		return -1;
	}

}
