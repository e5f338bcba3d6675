package io.github.oteltracing.internal.propagation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * W3C Baggage by the specification's current text, the same on every supported
 * OpenTelemetry version: an invalid member (a bad key, a value with characters outside
 * the grammar, a broken or non-UTF-8 percent-encoding) is dropped alone while the others
 * are kept, values are percent-decoded as UTF-8 ({@code +} stays a plus), and a header
 * longer than 8192 bytes keeps the whole members that fit, never a member cut in half, in
 * and out. OpenTelemetry 1.49 drops the whole header for one bad encoding, newer versions
 * log every bad member with a stack trace and write no more than 64 members.
 */
public final class W3CBaggage implements TextMapPropagator {

	/** The propagator; it holds no state. */
	public static final W3CBaggage INSTANCE = new W3CBaggage();

	/** The specification's limit for the whole header. */
	static final int MAX_LENGTH = 8192;

	private static final String BAGGAGE = "baggage";

	private static final List<String> FIELDS = List.of(BAGGAGE);

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private W3CBaggage() {
	}

	/**
	 * Keeps the whole members of a header that fit into 8192 bytes.
	 * @param header the header, percent-encoded (ASCII)
	 * @return the header, its leading members, or {@code null} for none
	 */
	public static String bound(String header) {
		if (header == null || header.length() <= MAX_LENGTH) {
			return header;
		}
		int end = header.lastIndexOf(',', MAX_LENGTH);
		return (end > 0) ? header.substring(0, end) : null;
	}

	@Override
	public Collection<String> fields() {
		return FIELDS;
	}

	@Override
	public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
		Baggage baggage = Baggage.fromContext(context);
		if (baggage.isEmpty()) {
			return;
		}
		StringBuilder header = new StringBuilder();
		baggage.forEach((key, entry) -> append(header, key, entry.getValue(), entry.getMetadata().getValue()));
		if (header.length() > 0) {
			setter.set(carrier, BAGGAGE, header.toString());
		}
	}

	// Whole members while they fit; OpenTelemetry's own writer stops at 64 members on newer versions.
	private static void append(StringBuilder header, String key, String value, String metadata) {
		if (!isToken(key) || value == null) {
			return;
		}
		int start = header.length();
		if (start > 0) {
			header.append(',');
		}
		header.append(key).append('=');
		encode(value, header);
		if (metadata != null && !metadata.isEmpty() && isProperties(metadata)) {
			header.append(';').append(metadata);
		}
		if (header.length() > MAX_LENGTH) {
			header.setLength(start);
		}
	}

	private static void encode(String value, StringBuilder out) {
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c != '%' && isOctet(c)) {
				out.append(c);
			}
			else {
				out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
			}
		}
	}

	// Properties are written as given when they cannot break the header.
	private static boolean isProperties(String metadata) {
		for (int i = 0; i < metadata.length(); i++) {
			char c = metadata.charAt(i);
			if (c != ' ' && c != ';' && c != '=' && !isOctet(c)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
		String header = bound(getter.get(carrier, BAGGAGE));
		if (header == null || header.isBlank()) {
			return context;
		}
		BaggageBuilder builder = Baggage.builder();
		int start = 0;
		while (start <= header.length()) {
			int end = header.indexOf(',', start);
			if (end == -1) {
				end = header.length();
			}
			addMember(builder, header.substring(start, end));
			start = end + 1;
		}
		Baggage baggage = builder.build();
		return baggage.isEmpty() ? context : context.with(baggage);
	}

	private static void addMember(BaggageBuilder builder, String member) {
		int properties = member.indexOf(';');
		String keyValue = (properties != -1) ? member.substring(0, properties) : member;
		int equals = keyValue.indexOf('=');
		if (equals == -1) {
			return;
		}
		String key = keyValue.substring(0, equals).strip();
		String value = keyValue.substring(equals + 1).strip();
		if (!isToken(key) || !isValue(value)) {
			return;
		}
		String decoded = decode(value);
		if (decoded != null) {
			String metadata = (properties != -1) ? member.substring(properties + 1).strip() : "";
			builder.put(key, decoded, BaggageEntryMetadata.create(metadata));
		}
	}

	// RFC 9110 token.
	private static boolean isToken(String key) {
		if (key.isEmpty()) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) != -1;
			if (!tchar) {
				return false;
			}
		}
		return true;
	}

	// baggage-octet: printable ASCII but space, quote, comma, semicolon and backslash.
	private static boolean isValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!isOctet(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isOctet(char c) {
		return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
	}

	private static String decode(String value) {
		if (value.indexOf('%') == -1) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length()) {
					return null;
				}
				int high = Character.digit(value.charAt(i + 1), 16);
				int low = Character.digit(value.charAt(i + 2), 16);
				if (high == -1 || low == -1) {
					return null;
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "W3CBaggagePropagator (current W3C baggage rules)";
	}

}
