package io.github.oteltracing.redaction;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRedactionTests {

	private static final List<String> KEYS = List.of("authorization", "cookie", "set-cookie", "password", "passwd",
			"secret", "token", "api-key", "apikey");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://user:pw@example.com/a?b=1 | https://****@example.com/a?b=1",
			"https://ghp_abc@github.com/org/repo.git | https://****@github.com/org/repo.git",
			"http://u:p@h:8080 | http://****@h:8080",
			"https://example.com/cb?token=abc&x=1 | https://example.com/cb?token=****&x=1",
			"https://example.com/cb?x=1&ACCESS_TOKEN=abc#frag | https://example.com/cb?x=1&ACCESS_TOKEN=****#frag",
			"https://example.com/cb#access_token=abc&state=1 | https://example.com/cb#access_token=****&state=1",
			"https://example.com/?api%2Dkey=abc&b=2 | https://example.com/?api%2Dkey=****&b=2",
			"https://example.com/?x=1&&password=p&y | https://example.com/?x=1&&password=****&y",
			"https://a:b@example.com/p?client_secret=s&apikey=k#id_token=t | https://****@example.com/p?client_secret=****&apikey=****#id_token=****" })
	void maskHidesCredentialsAndSecretParameterValues(String url, String expected) {
		UrlRedaction redaction = redaction(RedactionMode.MASK);
		assertThat(redaction.needsRedaction(url)).isTrue();
		assertThat(redaction.redact(url)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com:8443/a/b?x=1&y=2#z", "https://example.com/users/@me?x=1",
			"https://example.com/?email=a@b.c", "https://example.com/?token=&x=1", "https://example.com/?token",
			"/relative/path?x=1", "not a url at all", "", "https://example.com/tokens/42",
			"https://example.com/?x=1#section" })
	void leavesUrlsWithoutSecretsAlone(String url) {
		assertThat(redaction(RedactionMode.MASK).needsRedaction(url)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://u:p@h/p?token=abc&x=1 | https://h/p?x=1",
			"https://h/p?token=abc | https://h/p", "https://h/p?token=abc#x | https://h/p#x",
			"https://h/p?a=1&secret=s&b=2 | https://h/p?a=1&b=2", "https://h/p#access_token=t | https://h/p" })
	void dropRemovesCredentialsAndSecretParameters(String url, String expected) {
		assertThat(redaction(RedactionMode.DROP).redact(url)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://u:p@h/?token=abc | u:p | abc" })
	void hashReplacesCredentialsAndValuesWithTheirHashes(String url, String userinfo, String value) {
		assertThat(redaction(RedactionMode.HASH).redact(url)).isEqualTo(
				"https://" + Secrets.sha256Hex(userinfo) + "@h/?token=" + Secrets.sha256Hex(value));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "MASK | token=abc&x=1 | token=****&x=1",
			"DROP | x=1&password=p | x=1", "DROP | password=p | ''", "MASK | Api-Key=k | Api-Key=****" })
	void redactsQueryStrings(RedactionMode mode, String query, String expected) {
		UrlRedaction redaction = redaction(mode);
		assertThat(redaction.queryNeedsRedaction(query)).isTrue();
		assertThat(redaction.redactQuery(query)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x=1&y=2", "tokenless", "", "q=token" })
	void leavesQueryStringsWithoutSecretsAlone(String query) {
		assertThat(redaction(RedactionMode.MASK).queryNeedsRedaction(query)).isFalse();
	}

	private static UrlRedaction redaction(RedactionMode mode) {
		return new UrlRedaction(new Secrets(KEYS, mode));
	}

}
