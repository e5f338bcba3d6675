package io.github.oteltracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.redaction.RedactionMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which span attributes are never exported as given.
 */
@ConfigurationProperties("tracing.redaction")
public class RedactionProperties {

	/**
	 * Attribute key fragments that mark a value as secret: an attribute whose key contains
	 * one of them, ignoring case, is redacted (span, event and link attributes), and so
	 * are the values of matching query parameters in url.full and url.query. Credentials
	 * in url.full (user:password@) are always redacted.
	 */
	private List<String> keys = new ArrayList<>(List.of("authorization", "cookie", "set-cookie", "password", "passwd",
			"secret", "token", "api-key", "apikey"));

	/**
	 * What becomes of a redacted value: mask (replaced by ****), hash (replaced by its
	 * SHA-256 hex) or drop (the attribute is removed).
	 */
	private RedactionMode mode = RedactionMode.MASK;

	public List<String> getKeys() {
		return this.keys;
	}

	public void setKeys(List<String> keys) {
		for (String key : keys) {
			if (key == null || key.isBlank()) {
				throw new InvalidPropertyValueException("must not contain a blank key (it would match every attribute)",
						"a list of key fragments such as token, password, api-key; an empty list redacts no key");
			}
		}
		this.keys = keys;
	}

	public RedactionMode getMode() {
		return this.mode;
	}

	public void setMode(RedactionMode mode) {
		this.mode = mode;
	}

}
