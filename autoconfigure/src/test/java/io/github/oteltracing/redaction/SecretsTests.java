package io.github.oteltracing.redaction;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names are secret: keys match whole name segments, not substrings.
 */
class SecretsTests {

	private static final Secrets DEFAULTS = new Secrets(List.of("authorization", "cookie", "set-cookie", "password",
			"passwd", "secret", "token", "api-key", "apikey"), RedactionMode.MASK);

	@ParameterizedTest
	@ValueSource(strings = { "x-auth-token", "access_token", "user.password", "user.Password", "apiKey", "X-API-KEY",
			"x-api-key", "api_key", "APIKEY", "XApiKey", "http.request.header.authorization",
			"http.response.header.set-cookie", "client_secret", "clientSecret", "SECRET", "db.passwd", "token",
			"session.token.count", "X-Amz-Security-Token", "auth token", "user[password]" })
	void namesWithASecretSegmentMatch(String name) {
		assertThat(DEFAULTS.isSecretName(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.request.max_tokens",
			"tokenizer", "tokens", "passwords", "secretary", "cookies.count", "order.id", "http.route", "mapikey",
			"apikeys", "api", "key", "" })
	void namesThatOnlyContainASecretTextDoNotMatch(String name) {
		assertThat(DEFAULTS.isSecretName(name)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "apikey | apiKey", "apikey | api_key", "apikey | x-api-key",
			"api-key | apikey", "api-key | X-ApiKey", "apiKey | x.api.key", "set-cookie | Set-Cookie",
			"set-cookie | setCookie", "ssn | customer.ssn", "ssn | customerSSN", "iban | payer_IBAN_number" })
	void aKeyOfSeveralSegmentsMatchesThemAsAContiguousRun(String key, String name) {
		assertThat(new Secrets(List.of(key), RedactionMode.MASK).isSecretName(name)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "set-cookie | cookie", "set-cookie | set.other.cookie",
			"api-key | api", "api-key | key.api", "ssn | lessn", "customer-id | customer" })
	void aKeyOfSeveralSegmentsNeedsAllOfThemInARow(String key, String name) {
		assertThat(new Secrets(List.of(key), RedactionMode.MASK).isSecretName(name)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "---", " ", "." })
	void aKeyWithoutLettersOrDigitsMatchesNothing(String key) {
		Secrets secrets = new Secrets(List.of(key), RedactionMode.MASK);
		assertThat(secrets.isSecretName("order.id")).isFalse();
		assertThat(secrets.isSecretName("---")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0 | 5 | token | true", "2 | 7 | a&token=1 | true",
			"2 | 8 | a&tokens=1 | false", "3 | 8 | xx.token.abc | true", "0 | 4 | tokens | false" })
	void matchesARegionOfTheText(int start, int end, String text, boolean secret) {
		assertThat(DEFAULTS.isSecretName(text, start, end)).isEqualTo(secret);
	}

}
