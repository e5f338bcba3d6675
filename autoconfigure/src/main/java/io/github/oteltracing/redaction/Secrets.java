package io.github.oteltracing.redaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Which names are secret and what a secret value becomes. A name is split into segments
 * at every character that is not a letter or digit ({@code .}, {@code _}, {@code -}) and
 * where the case changes ({@code apiKey}, {@code APIKey}); a key matches when its letters
 * and digits, ignoring case, are one or more whole segments of the name in a row. So
 * {@code token} matches {@code x-auth-token} but not {@code input_tokens}, and
 * {@code api-key} and {@code apikey} both match {@code apiKey}, {@code api_key} and
 * {@code X-API-KEY}.
 */
final class Secrets {

	static final String MASK = "****";

	static final String URL_MASK = "REDACTED";

	static final String CREDENTIALS_MASK = "REDACTED:REDACTED";

	// The keys' letters and digits, lower case: separators only split, so they never match.
	private final String[] keys;

	private final RedactionMode mode;

	Secrets(Collection<String> names, RedactionMode mode) {
		this.keys = names.stream().map(Secrets::lettersAndDigits).filter((key) -> !key.isEmpty()).distinct()
			.toArray(String[]::new);
		this.mode = mode;
	}

	private static String lettersAndDigits(String name) {
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString();
	}

	RedactionMode mode() {
		return this.mode;
	}

	boolean isSecretName(String name) {
		return isSecretName(name, 0, name.length());
	}

	/**
	 * Whether one of the keys matches segments of {@code text[start, end)}. Allocates
	 * nothing.
	 */
	boolean isSecretName(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (Character.isLetterOrDigit(text.charAt(i)) && isBoundary(text, start, i, end)) {
				for (String key : this.keys) {
					if (matchesAt(key, text, i, start, end)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Whether the key's characters start at {@code from}, a segment start, and end a segment. */
	private static boolean matchesAt(String key, String text, int from, int start, int end) {
		int i = from;
		for (int k = 0; k < key.length(); i++) {
			if (i >= end) {
				return false;
			}
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				if (Character.toLowerCase(c) != key.charAt(k)) {
					return false;
				}
				k++;
			}
		}
		return isBoundary(text, start, i, end);
	}

	/** Whether a segment may start or end at {@code i}, between two characters. */
	private static boolean isBoundary(String text, int start, int i, int end) {
		if (i <= start || i >= end) {
			return true;
		}
		char previous = text.charAt(i - 1);
		char current = text.charAt(i);
		if (!Character.isLetterOrDigit(previous) || !Character.isLetterOrDigit(current)) {
			return true;
		}
		if (!Character.isUpperCase(current)) {
			return false;
		}
		// apiKey, md5Hash; and APIKey, where the last capital starts the next word.
		return !Character.isUpperCase(previous)
				|| (i + 1 < end && Character.isLowerCase(text.charAt(i + 1)));
	}

	/**
	 * The text that replaces a secret attribute value, or {@code null} when it is dropped.
	 */
	String replace(String value) {
		return replace(value, MASK);
	}

	/**
	 * The text that replaces a secret parameter value in a URL, spelled as the semantic
	 * conventions do, or {@code null} when it is dropped.
	 */
	String replaceInUrl(String value) {
		return replace(value, URL_MASK);
	}

	/**
	 * The text that replaces the credentials in a URL ({@code user:password}), or
	 * {@code null} when they are dropped.
	 */
	String replaceCredentials(String userinfo) {
		// Already spelled as the conventions want (the starter's client spans): not hashed again.
		if (userinfo.equals(CREDENTIALS_MASK) && this.mode != RedactionMode.DROP) {
			return userinfo;
		}
		return replace(userinfo, CREDENTIALS_MASK);
	}

	private String replace(String value, String mask) {
		return switch (this.mode) {
			case MASK -> mask;
			case HASH -> sha256Hex(value);
			case DROP -> null;
		};
	}

	static String sha256Hex(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
