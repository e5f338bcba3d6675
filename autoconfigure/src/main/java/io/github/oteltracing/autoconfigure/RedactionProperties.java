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

	private static final String ACCEPTED_KEYS = "a list of keys such as token, password, api-key; "
			+ "an empty list redacts no key";

	/**
	 * Keys that mark a value as secret. Names are split into segments at '.', '_', '-'
	 * (any character that is not a letter or digit) and where the case changes; a key
	 * matches when its letters and digits, ignoring case, are one or more whole segments
	 * of the name in a row: token matches x-auth-token and access_token but not
	 * input_tokens; api-key matches apiKey, api_key and X-API-KEY. Matching span, event,
	 * link and resource attributes are redacted, and so are the values of matching query
	 * and path parameters in url.full, url.path and url.query. Whatever the keys, URL
	 * credentials (user:password@), the semantic conventions' sensitive query parameters
	 * (AWSAccessKeyId, Signature, sig, X-Goog-Signature, X-Amz-Signature,
	 * X-Amz-Credential, X-Amz-Security-Token) and the jsessionid parameter are redacted.
	 */
	private List<String> keys = new ArrayList<>(List.of("authorization", "cookie", "set-cookie", "password", "passwd",
			"secret", "token", "api-key", "apikey"));

	/**
	 * What becomes of a redacted value: mask (replaced by ****; in URLs by REDACTED, and
	 * credentials by REDACTED:REDACTED, as the semantic conventions spell it), hash
	 * (replaced by its SHA-256 hex) or drop (the attribute, parameter or credentials are
	 * removed).
	 */
	private RedactionMode mode = RedactionMode.MASK;

	public List<String> getKeys() {
		return this.keys;
	}

	public void setKeys(List<String> keys) {
		for (String key : keys) {
			if (key == null || key.isBlank()) {
				throw new InvalidPropertyValueException("must not contain a blank key (it would match every attribute)",
						ACCEPTED_KEYS);
			}
			if (key.chars().noneMatch(Character::isLetterOrDigit)) {
				throw new InvalidPropertyValueException(
						"must not contain a key without letters or digits (it would match no attribute)", ACCEPTED_KEYS);
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
