package io.github.oteltracing.internal.propagation;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter's W3C baggage propagator writes: every member of an ordinary baggage,
 * and of a large one the whole members that fit into 8192 bytes.
 */
class W3CBaggageTests {

	@Test
	void atLeast64MembersGoOut() {
		BaggageBuilder builder = Baggage.builder();
		IntStream.range(0, 64).forEach((i) -> builder.put("k" + i, "v"));
		assertThat(inject(builder.build()).split(",")).hasSize(64);
	}

	@Test
	void beyond8192BytesWholeMembersAreDroppedOnTheWayOut() {
		BaggageBuilder builder = Baggage.builder();
		// Members of 99 bytes: 81 of them and their commas make 8099 bytes, 82 would make 8198.
		IntStream.range(0, 100).forEach((i) -> builder.put(String.format("k%02d", i), "x".repeat(95)));
		String header = inject(builder.build());
		assertThat(header.length()).isLessThanOrEqualTo(8192);
		assertThat(header.split(",")).hasSize(81).allSatisfy((member) -> assertThat(member).hasSize(99));
	}

	@Test
	void valuesArePercentEncodedAndDecodedAsUtf8() {
		String header = inject(Baggage.builder().put("a", "€ 1+2,;").build());
		Context extracted = W3CBaggage.INSTANCE.extract(Context.root(), Map.of("baggage", header),
				new io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>>() {

					@Override
					public Iterable<String> keys(Map<String, String> carrier) {
						return carrier.keySet();
					}

					@Override
					public String get(Map<String, String> carrier, String key) {
						return carrier.get(key);
					}

				});
		assertThat(Baggage.fromContext(extracted).getEntryValue("a")).isEqualTo("€ 1+2,;");
	}

	private static String inject(Baggage baggage) {
		Map<String, String> headers = new HashMap<>();
		W3CBaggage.INSTANCE.inject(Context.root().with(baggage), headers, Map::put);
		return headers.get("baggage");
	}

}
