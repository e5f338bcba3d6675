package io.github.oteltracing.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.semconv.UrlAttributes;

/**
 * Decides per attribute key, once, whether its values are secret, URLs to clean or
 * harmless, and rewrites the attributes that need it.
 */
final class AttributeRedaction {

	// Path-and-query under the older conventions' name, still set by older instrumentation.
	private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

	// The older conventions' connection string, which may embed credentials.
	private static final AttributeKey<String> DB_CONNECTION_STRING = AttributeKey.stringKey("db.connection_string");

	// Attribute keys are few in practice; the bound protects against keys built from data.
	private static final int MAX_CACHED_KEYS = 2048;

	private final Secrets secrets;

	private final UrlRedaction urls;

	private final ConcurrentMap<String, Action> actions = new ConcurrentHashMap<>();

	AttributeRedaction(Secrets secrets) {
		this.secrets = secrets;
		this.urls = new UrlRedaction(secrets);
	}

	/**
	 * Starts a pass: not thread-safe, reused for many attribute sets (an export batch) so
	 * that attributes needing no change cost no allocation.
	 */
	Pass pass() {
		return new Pass();
	}

	private Action action(AttributeKey<?> key) {
		String name = key.getKey();
		Action action = this.actions.get(name);
		if (action == null) {
			action = decide(name);
			if (this.actions.size() < MAX_CACHED_KEYS) {
				this.actions.put(name, action);
			}
		}
		return action;
	}

	private Action decide(String name) {
		if (this.secrets.isSecretName(name)) {
			return Action.SECRET;
		}
		if (holdsUrl(name)) {
			return Action.URL;
		}
		if (name.equals(UrlAttributes.URL_PATH.getKey())) {
			return Action.PATH;
		}
		if (name.equals(UrlAttributes.URL_QUERY.getKey())) {
			return Action.QUERY;
		}
		return Action.KEEP;
	}

	/**
	 * Whether values under the key are URLs (or path-and-query) to clean: the conventions'
	 * {@code url.full}, and any key whose last segment (split as keys are matched: at
	 * {@code .}, {@code _}, {@code -} and where the case changes) is {@code url} or
	 * {@code uri}, as Micrometer tags and other instrumentation name them
	 * ({@code http.url}, Spring Cloud Gateway's {@code http.uri}, {@code uri},
	 * {@code jdbcUrl}, {@code redirect_uri}).
	 */
	private static boolean holdsUrl(String name) {
		if (name.equals(UrlAttributes.URL_FULL.getKey()) || name.equals(HTTP_TARGET.getKey())
				|| name.equals(DB_CONNECTION_STRING.getKey())) {
			return true;
		}
		int last = name.length() - 3;
		if (last < 0 || !(name.regionMatches(true, last, "url", 0, 3) || name.regionMatches(true, last, "uri", 0, 3))) {
			return false;
		}
		if (last == 0 || !Character.isLetterOrDigit(name.charAt(last - 1))) {
			return true;
		}
		return Character.isUpperCase(name.charAt(last)) && !Character.isUpperCase(name.charAt(last - 1));
	}

	private boolean needsChange(AttributeKey<?> key, Object value) {
		return switch (action(key)) {
			case KEEP -> false;
			case SECRET -> true;
			case URL -> value instanceof String url && this.urls.needsRedaction(url);
			case PATH -> value instanceof String path && this.urls.pathNeedsRedaction(path);
			case QUERY -> value instanceof String query && this.urls.queryNeedsRedaction(query);
		};
	}

	@SuppressWarnings("unchecked")
	private void putRedacted(AttributesBuilder builder, AttributeKey<?> key, Object value) {
		switch (action(key)) {
			case KEEP -> builder.put((AttributeKey<Object>) key, value);
			case SECRET -> putSecret(builder, key, value);
			case URL -> builder.put((AttributeKey<Object>) key,
					(value instanceof String url && this.urls.needsRedaction(url)) ? this.urls.redact(url) : value);
			case PATH -> builder.put((AttributeKey<Object>) key,
					(value instanceof String path && this.urls.pathNeedsRedaction(path)) ? this.urls.redactPath(path)
							: value);
			case QUERY -> builder.put((AttributeKey<Object>) key,
					(value instanceof String query && this.urls.queryNeedsRedaction(query))
							? this.urls.redactQuery(query) : value);
		}
	}

	@SuppressWarnings("unchecked")
	private void putSecret(AttributesBuilder builder, AttributeKey<?> key, Object value) {
		if (this.secrets.mode() == RedactionMode.DROP) {
			return;
		}
		switch (key.getType()) {
			case STRING -> builder.put((AttributeKey<String>) key, this.secrets.replace((String) value));
			case STRING_ARRAY -> {
				List<String> values = (List<String>) value;
				List<String> replaced = new ArrayList<>(values.size());
				for (String element : values) {
					replaced.add(this.secrets.replace(String.valueOf(element)));
				}
				builder.put((AttributeKey<List<String>>) key, replaced);
			}
			// A number or flag under a secret name becomes text: its value is what must go.
			default -> builder.put(AttributeKey.stringKey(key.getKey()), this.secrets.replace(String.valueOf(value)));
		}
	}

	private enum Action {

		KEEP, SECRET, URL, PATH, QUERY

	}

	final class Pass {

		private boolean changed;

		private AttributesBuilder builder;

		private final BiConsumer<AttributeKey<?>, Object> scan = (key, value) -> {
			if (!this.changed && needsChange(key, value)) {
				this.changed = true;
			}
		};

		private final BiConsumer<AttributeKey<?>, Object> rewrite = (key, value) -> putRedacted(this.builder, key,
				value);

		private Pass() {
		}

		/**
		 * Returns the attributes redacted, or the same instance when nothing needed it.
		 */
		Attributes redact(Attributes attributes) {
			if (attributes.isEmpty()) {
				return attributes;
			}
			this.changed = false;
			attributes.forEach(this.scan);
			if (!this.changed) {
				return attributes;
			}
			this.builder = Attributes.builder();
			attributes.forEach(this.rewrite);
			Attributes redacted = this.builder.build();
			this.builder = null;
			return redacted;
		}

	}

}
