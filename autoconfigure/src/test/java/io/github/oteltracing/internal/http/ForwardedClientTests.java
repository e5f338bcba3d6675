package io.github.oteltracing.internal.http;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original client from {@code Forwarded} (RFC 7239) and {@code X-Forwarded-For}:
 * the first hop, or nothing for values that are not an address.
 */
class ForwardedClientTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			for=192.0.2.60;proto=http;by=203.0.113.43 | - | 192.0.2.60
			for=192.0.2.43, for=198.51.100.17 | - | 192.0.2.43
			proto=https; For="[2001:db8:cafe::17]:4711" | - | 2001:db8:cafe::17
			for="192.0.2.60:8080" | - | 192.0.2.60
			by=203.0.113.43, for=198.51.100.17 | 203.0.113.195 | 203.0.113.195
			for=unknown | 203.0.113.195 | 203.0.113.195
			for=_hidden | - | -
			for="[2001:db8::1" | - | -
			for= | - | -
			- | 203.0.113.195, 70.41.3.18 | 203.0.113.195
			- | 2001:db8:85a3:8d3:1319:8a2e:370:7348 | 2001:db8:85a3:8d3:1319:8a2e:370:7348
			- | unknown | -
			- | <script> | -
			""")
	void firstHopOrNothing(String forwarded, String forwardedFor, String expected) {
		assertThat(ForwardedClient.address(forwarded, forwardedFor)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ";", ",", ";;;,,,", "for", "for=\"", "for=[", "for=]", "for=[]", "\"", "for=\"\"" })
	void malformedValuesAreAbsent(String forwarded) {
		assertThat(ForwardedClient.address(forwarded, null)).isNull();
	}

	@Test
	void hostileValuesNeverThrowAndOnlyTheStartIsRead() {
		Random random = new Random(7239);
		String alphabet = "for=;,\"[]:_ abc0123456789.\t\u00ff";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder value = new StringBuilder();
			for (int length = random.nextInt(80); length > 0; length--) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String address = ForwardedClient.address(value.toString(), value.toString());
			assertThat(address).satisfiesAnyOf((it) -> assertThat(it).isNull(),
					(it) -> assertThat(it).matches("[0-9A-Za-z.:%-]{1,255}"));
		}
		assertThat(ForwardedClient.address(";".repeat(100_000) + "for=192.0.2.1", null)).isNull();
		assertThat(ForwardedClient.address(null, "1".repeat(300))).isNull();
	}

}
