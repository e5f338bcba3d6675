package io.github.oteltracing.internal.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads and writes propagation fields as Kafka record headers (UTF-8 values). A field is
 * replaced, not added, so that a forwarded record carries one context only.
 */
enum RecordHeaderCarrier implements TextMapGetter<Headers>, TextMapSetter<Headers> {

	INSTANCE;

	@Override
	public Iterable<String> keys(Headers headers) {
		List<String> keys = new ArrayList<>();
		for (Header header : headers) {
			keys.add(header.key());
		}
		return keys;
	}

	@Override
	public String get(Headers headers, String key) {
		if (headers == null) {
			return null;
		}
		Header header = headers.lastHeader(key);
		byte[] value = (header != null) ? header.value() : null;
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	@Override
	public void set(Headers headers, String key, String value) {
		if (headers != null) {
			headers.remove(key);
			headers.add(key, value.getBytes(StandardCharsets.UTF_8));
		}
	}

}
