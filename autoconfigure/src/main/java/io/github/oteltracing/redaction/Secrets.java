package io.github.oteltracing.redaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which names are secret (case-insensitive substrings) and what a secret value becomes.
 */
final class Secrets {

	static final String MASK = "****";

	private final String[] names;

	private final RedactionMode mode;

	Secrets(Collection<String> names, RedactionMode mode) {
		this.names = names.stream()
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.distinct()
			.toArray(String[]::new);
		this.mode = mode;
	}

	RedactionMode mode() {
		return this.mode;
	}

	boolean isSecretName(String name) {
		return isSecretName(name, 0, name.length());
	}

	/**
	 * Whether {@code text[start, end)} contains one of the secret names, ignoring case.
	 * Allocates nothing.
	 */
	boolean isSecretName(String text, int start, int end) {
		for (String name : this.names) {
			int last = end - name.length();
			for (int i = start; i <= last; i++) {
				if (text.regionMatches(true, i, name, 0, name.length())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The text that replaces a secret value, or {@code null} when it is dropped.
	 */
	String replace(String value) {
		return switch (this.mode) {
			case MASK -> MASK;
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
