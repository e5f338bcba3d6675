package io.github.oteltracing.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRedactionTests {

	private static final List<String> KEYS = List.of("authorization", "cookie", "set-cookie", "password", "passwd",
			"secret", "token", "api-key", "apikey");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://user:pw@example.com/a?b=1 | https://REDACTED:REDACTED@example.com/a?b=1",
			"https://ghp_abc@github.com/org/repo.git | https://REDACTED:REDACTED@github.com/org/repo.git",
			"http://u:p@h:8080 | http://REDACTED:REDACTED@h:8080",
			"https://example.com/cb?token=abc&x=1 | https://example.com/cb?token=REDACTED&x=1",
			"https://example.com/cb?x=1&ACCESS_TOKEN=abc#frag | https://example.com/cb?x=1&ACCESS_TOKEN=REDACTED#frag",
			"https://example.com/cb#access_token=abc&state=1 | https://example.com/cb#access_token=REDACTED&state=1",
			"https://example.com/?api%2Dkey=abc&b=2 | https://example.com/?api%2Dkey=REDACTED&b=2",
			"https://example.com/?x=1&&password=p&y | https://example.com/?x=1&&password=REDACTED&y",
			"https://a:b@example.com/p?client_secret=s&apikey=k#id_token=t | https://REDACTED:REDACTED@example.com/p?client_secret=REDACTED&apikey=REDACTED#id_token=REDACTED" })
	void maskHidesCredentialsAndSecretParameterValuesAsTheConventionsSpellIt(String url, String expected) {
		assertRedacts(redaction(RedactionMode.MASK), url, expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://s3.example.com/b/o?AWSAccessKeyId=AKIA1&Expires=1&Signature=s1 | https://s3.example.com/b/o?AWSAccessKeyId=REDACTED&Expires=1&Signature=REDACTED",
			"https://acct.blob.example.net/c/b?sv=2022&sig=s2 | https://acct.blob.example.net/c/b?sv=2022&sig=REDACTED",
			"https://storage.example.com/b/o?X-Goog-Signature=s3&X-Goog-Date=d | https://storage.example.com/b/o?X-Goog-Signature=REDACTED&X-Goog-Date=d",
			"https://b.s3.example.com/o?X-Amz-Credential=c&X-Amz-Signature=s4&X-Amz-Date=d | https://b.s3.example.com/o?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Date=d",
			"https://h/?SIG=x | https://h/?SIG=REDACTED",
			"https://h/?signature=x&a=1 | https://h/?signature=REDACTED&a=1",
			"https://h/?awsaccesskeyid=x | https://h/?awsaccesskeyid=REDACTED",
			"https://b.s3.example.com/o?x-amz-signature=s&x-goog-signature=g | https://b.s3.example.com/o?x-amz-signature=REDACTED&x-goog-signature=REDACTED" })
	void theConventionsQueryParametersAreAlwaysRedactedInAnyCase(String url, String expected) {
		assertRedacts(new UrlRedaction(new Secrets(List.of(), RedactionMode.MASK)), url, expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://h/?sigma=x", "https://h/?designation=x", "https://h/?tokens=3" })
	void namesThatOnlyContainAConventionsNameOrAKeyAreNotSecret(String url) {
		assertThat(new UrlRedaction(new Secrets(List.of("token"), RedactionMode.MASK)).needsRedaction(url)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:mysql://app:pw@db.example.com:3306/shop?useSSL=true | jdbc:mysql://REDACTED:REDACTED@db.example.com:3306/shop?useSSL=true",
			"jdbc:postgresql://db/shop?user=app&password=pw | jdbc:postgresql://db/shop?user=app&password=REDACTED",
			"jdbc:sqlserver://db:1433;databaseName=shop;password=pw | jdbc:sqlserver://db:1433;databaseName=shop;password=REDACTED",
			"jdbc:sqlserver://db;user=bob@corp.example;password=pw | jdbc:sqlserver://db;user=bob@corp.example;password=REDACTED",
			"mongodb://app:pw@h1:27017,h2:27017/shop?authSource=admin | mongodb://REDACTED:REDACTED@h1:27017,h2:27017/shop?authSource=admin" })
	void connectionStringsLoseTheirCredentials(String url, String expected) {
		assertRedacts(redaction(RedactionMode.MASK), url, expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://h/?to%6Ben%zz=abc&b=2 | https://h/?to%6Ben%zz=REDACTED&b=2",
			"https://h/?x=1&%zz=abc | https://h/?x=1&%zz=REDACTED" })
	void aNameThatDoesNotDecodeIsTakenForASecret(String url, String expected) {
		assertRedacts(redaction(RedactionMode.MASK), url, expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://example.com/owners/12;jsessionid=B1B4C7 | https://example.com/owners/12;jsessionid=REDACTED",
			"https://example.com/owners/12;JSESSIONID=B1B4C7?x=1 | https://example.com/owners/12;JSESSIONID=REDACTED?x=1",
			"https://example.com/a;v=1;token=t/b;color=red | https://example.com/a;v=1;token=REDACTED/b;color=red",
			"https://example.com/a;access_token=t;v=1/b | https://example.com/a;access_token=REDACTED;v=1/b",
			"/owners/12;jsessionid=B1B4C7 | /owners/12;jsessionid=REDACTED" })
	void secretPathParametersAreRedacted(String url, String expected) {
		assertRedacts(redaction(RedactionMode.MASK), url, expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "MASK | /owners/12;jsessionid=B1B4 | /owners/12;jsessionid=REDACTED",
			"MASK | /a;v=1;token=t/b;x=2 | /a;v=1;token=REDACTED/b;x=2",
			"DROP | /owners/12;jsessionid=B1B4 | /owners/12", "DROP | /a;token=t;v=1/b | /a;v=1/b",
			"DROP | /a;v=1;token=t/b | /a;v=1/b" })
	void redactsPaths(RedactionMode mode, String path, String expected) {
		UrlRedaction redaction = redaction(mode);
		assertThat(redaction.pathNeedsRedaction(path)).isTrue();
		assertThat(redaction.redactPath(path)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/owners/12", "/owners/12;color=red", "/a;jsessionid=/b", "/a;token", "/tokens;x=1",
			"/a;b=1,2/c", "" })
	void leavesPathsWithoutSecretsAlone(String path) {
		assertThat(redaction(RedactionMode.MASK).pathNeedsRedaction(path)).isFalse();
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
			"https://h/p?a=1&secret=s&b=2 | https://h/p?a=1&b=2", "https://h/p#access_token=t | https://h/p",
			"https://u:p@h/a;jsessionid=j/b?sig=s | https://h/a/b" })
	void dropRemovesCredentialsAndSecretParameters(String url, String expected) {
		assertThat(redaction(RedactionMode.DROP).redact(url)).isEqualTo(expected);
	}

	@Test
	void credentialsAlreadySpelledAsTheConventionsSayStaySoWhenHashing() {
		assertThat(redaction(RedactionMode.HASH).redact("https://REDACTED:REDACTED@h/p?token=abc"))
			.isEqualTo("https://REDACTED:REDACTED@h/p?token=" + Secrets.sha256Hex("abc"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://u:p@h/a;jsessionid=j?token=abc | u:p | j | abc" })
	void hashReplacesCredentialsAndValuesWithTheirHashes(String url, String userinfo, String session, String value) {
		assertThat(redaction(RedactionMode.HASH).redact(url)).isEqualTo("https://" + Secrets.sha256Hex(userinfo)
				+ "@h/a;jsessionid=" + Secrets.sha256Hex(session) + "?token=" + Secrets.sha256Hex(value));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "MASK | token=abc&x=1 | token=REDACTED&x=1",
			"DROP | x=1&password=p | x=1", "DROP | password=p | ''", "MASK | Api-Key=k | Api-Key=REDACTED",
			"MASK | sig=s&jsessionid=j | sig=REDACTED&jsessionid=REDACTED" })
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

	private static void assertRedacts(UrlRedaction redaction, String url, String expected) {
		assertThat(redaction.needsRedaction(url)).isTrue();
		assertThat(redaction.redact(url)).isEqualTo(expected);
	}

	private static UrlRedaction redaction(RedactionMode mode) {
		return new UrlRedaction(new Secrets(KEYS, mode));
	}

}
