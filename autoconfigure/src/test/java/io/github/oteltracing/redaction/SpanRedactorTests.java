package io.github.oteltracing.redaction;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SDK spans through {@link RedactingSpanExporter} into an in-memory exporter.
 */
class SpanRedactorTests {

	private static final List<String> DEFAULT_KEYS = List.of("authorization", "cookie", "set-cookie", "password",
			"passwd", "secret", "token", "api-key", "apikey");

	private static final AttributeKey<List<String>> AUTHORIZATION_HEADER = AttributeKey
		.stringArrayKey("http.request.header.authorization");

	private static final AttributeKey<String> PASSWORD = AttributeKey.stringKey("user.Password");

	private static final AttributeKey<String> API_KEY = AttributeKey.stringKey("X-API-KEY");

	private static final AttributeKey<Long> TOKEN_COUNT = AttributeKey.longKey("session.token.count");

	private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

	@Test
	void maskReplacesSecretValuesWhateverTheirType() {
		Attributes attributes = export(RedactionMode.MASK, this::secretSpan).getAttributes();
		assertThat(attributes.get(AUTHORIZATION_HEADER)).containsExactly("****", "****");
		assertThat(attributes.get(PASSWORD)).isEqualTo("****");
		assertThat(attributes.get(API_KEY)).isEqualTo("****");
		assertThat(attributes.get(TOKEN_COUNT)).isNull();
		assertThat(attributes.get(AttributeKey.stringKey("session.token.count"))).isEqualTo("****");
		assertThat(attributes.get(ORDER_ID)).isEqualTo("o-1");
	}

	@Test
	void hashReplacesSecretValuesWithTheirSha256() {
		Attributes attributes = export(RedactionMode.HASH, this::secretSpan).getAttributes();
		assertThat(attributes.get(PASSWORD))
			.isEqualTo("f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7");
		assertThat(attributes.get(AUTHORIZATION_HEADER)).containsExactly(Secrets.sha256Hex("Bearer abc"),
				Secrets.sha256Hex("Basic xyz"));
		assertThat(attributes.get(AttributeKey.stringKey("session.token.count"))).isEqualTo(Secrets.sha256Hex("5"));
		assertThat(attributes.get(ORDER_ID)).isEqualTo("o-1");
	}

	@Test
	void dropRemovesSecretAttributesAndCountsThemAsDropped() {
		SpanData span = export(RedactionMode.DROP, this::secretSpan);
		assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey).containsExactly("order.id");
		assertThat(span.getTotalAttributeCount()).isEqualTo(5);
	}

	@Test
	void redactsEventAndLinkAttributesIncludingExceptionEvents() {
		SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), TraceState.getDefault());
		SpanData span = export(RedactionMode.MASK, (tracer) -> {
			Span started = tracer.spanBuilder("login")
				.addLink(linked, Attributes.of(AttributeKey.stringKey("link.secret"), "s1"))
				.startSpan();
			started.addEvent("cookie-set", Attributes.of(AttributeKey.stringKey("set-cookie"), "SESSION=abc"));
			started.recordException(new IllegalStateException("refused"),
					Attributes.of(AttributeKey.stringKey("auth.token"), "t-1"));
			return started;
		});
		EventData cookie = span.getEvents().get(0);
		assertThat(cookie.getName()).isEqualTo("cookie-set");
		assertThat(cookie.getAttributes().get(AttributeKey.stringKey("set-cookie"))).isEqualTo("****");
		EventData exception = span.getEvents().get(1);
		assertThat(exception.getName()).isEqualTo("exception");
		assertThat(exception.getAttributes().get(AttributeKey.stringKey("auth.token"))).isEqualTo("****");
		assertThat(exception.getAttributes().get(ExceptionAttributes.EXCEPTION_TYPE))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(exception.getAttributes().get(ExceptionAttributes.EXCEPTION_MESSAGE)).isEqualTo("refused");
		assertThat(span.getLinks().get(0).getSpanContext()).isEqualTo(linked);
		assertThat(span.getLinks().get(0).getAttributes().get(AttributeKey.stringKey("link.secret"))).isEqualTo("****");
	}

	@Test
	void cleansUrlsWhateverElseTheSpanHolds() {
		Attributes attributes = export(RedactionMode.MASK, (tracer) -> tracer.spanBuilder("GET")
			.setAttribute(UrlAttributes.URL_FULL, "https://bob:pw@api.example.com/cb;jsessionid=j1?token=abc&x=1")
			.setAttribute(UrlAttributes.URL_QUERY, "token=abc&x=1&Signature=s1")
			.setAttribute(UrlAttributes.URL_PATH, "/owners/12;jsessionid=B1B4")
			.setAttribute(PASSWORD, "hunter2")
			.startSpan()).getAttributes();
		assertThat(attributes.get(UrlAttributes.URL_FULL))
			.isEqualTo("https://REDACTED:REDACTED@api.example.com/cb;jsessionid=REDACTED?token=REDACTED&x=1");
		assertThat(attributes.get(UrlAttributes.URL_QUERY)).isEqualTo("token=REDACTED&x=1&Signature=REDACTED");
		assertThat(attributes.get(UrlAttributes.URL_PATH)).isEqualTo("/owners/12;jsessionid=REDACTED");
		assertThat(attributes.get(PASSWORD)).isEqualTo("****");
	}

	@Test
	void urlsUnderOlderAndMicrometerAttributeNamesAreCleanedToo() {
		Attributes attributes = export(RedactionMode.MASK, (tracer) -> tracer.spanBuilder("GET")
			.setAttribute("http.url", "https://bob:pw@api.example.com/cb?token=abc")
			.setAttribute("http.target", "/cb;jsessionid=j1?token=abc")
			// Spring Cloud Gateway's tag for the proxied request.
			.setAttribute("http.uri", "http://localhost:8080/owners?token=abc&x=1")
			.setAttribute("uri", "/owners?Signature=s1")
			.setAttribute("spring.cloud.gateway.route.URI", "https://bob:pw@backend/")
			.setAttribute("db.connection_string", "mongodb://app:pw@db.example.com/shop?authSource=admin")
			.setAttribute("jdbcUrl", "jdbc:postgresql://db/shop?password=pw")
			.setAttribute("oauth.redirect_uri", "https://app.example.com/cb?token=abc")
			// Only a whole last segment counts: these are no URLs.
			.setAttribute("url.scheme", "https")
			.setAttribute("curl.version", "a;jsessionid=j1")
			.setAttribute("tool.curl", "a;jsessionid=j1")
			.startSpan()).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("http.url")))
			.isEqualTo("https://REDACTED:REDACTED@api.example.com/cb?token=REDACTED");
		assertThat(attributes.get(AttributeKey.stringKey("http.target")))
			.isEqualTo("/cb;jsessionid=REDACTED?token=REDACTED");
		assertThat(attributes.get(AttributeKey.stringKey("http.uri")))
			.isEqualTo("http://localhost:8080/owners?token=REDACTED&x=1");
		assertThat(attributes.get(AttributeKey.stringKey("uri"))).isEqualTo("/owners?Signature=REDACTED");
		assertThat(attributes.get(AttributeKey.stringKey("spring.cloud.gateway.route.URI")))
			.isEqualTo("https://REDACTED:REDACTED@backend/");
		assertThat(attributes.get(AttributeKey.stringKey("db.connection_string")))
			.isEqualTo("mongodb://REDACTED:REDACTED@db.example.com/shop?authSource=admin");
		assertThat(attributes.get(AttributeKey.stringKey("jdbcUrl"))).isEqualTo("jdbc:postgresql://db/shop?password=REDACTED");
		assertThat(attributes.get(AttributeKey.stringKey("oauth.redirect_uri")))
			.isEqualTo("https://app.example.com/cb?token=REDACTED");
		assertThat(attributes.get(AttributeKey.stringKey("url.scheme"))).isEqualTo("https");
		assertThat(attributes.get(AttributeKey.stringKey("curl.version"))).isEqualTo("a;jsessionid=j1");
		assertThat(attributes.get(AttributeKey.stringKey("tool.curl"))).isEqualTo("a;jsessionid=j1");
	}

	@Test
	void tokenCountsKeepTheirNamesTypesAndValues() {
		AttributeKey<Long> inputTokens = AttributeKey.longKey("gen_ai.usage.input_tokens");
		AttributeKey<Long> outputTokens = AttributeKey.longKey("gen_ai.usage.output_tokens");
		AttributeKey<Long> maxTokens = AttributeKey.longKey("gen_ai.request.max_tokens");
		Attributes attributes = export(RedactionMode.MASK, (tracer) -> tracer.spanBuilder("chat")
			.setAttribute(inputTokens, 42L)
			.setAttribute(outputTokens, 7L)
			.setAttribute(maxTokens, 1024L)
			.setAttribute("x-auth-token", "t-1")
			.startSpan()).getAttributes();
		assertThat(attributes.get(inputTokens)).isEqualTo(42L);
		assertThat(attributes.get(outputTokens)).isEqualTo(7L);
		assertThat(attributes.get(maxTokens)).isEqualTo(1024L);
		assertThat(attributes.get(AttributeKey.stringKey("x-auth-token"))).isEqualTo("****");
	}

	@Test
	void resourceAttributesAreRedactedOncePerResource() {
		Resource resource = Resource.create(Attributes.builder()
			.put("service.name", "checkout")
			.put("api-key", "k-1")
			.put("deployment.secret", "s-1")
			.build(), "https://opentelemetry.io/schemas/1.24.0");
		SpanRedactor redactor = new SpanRedactor(DEFAULT_KEYS, RedactionMode.MASK);
		Resource redacted = redactor.redact(resource);
		assertThat(redacted.getAttribute(AttributeKey.stringKey("api-key"))).isEqualTo("****");
		assertThat(redacted.getAttribute(AttributeKey.stringKey("deployment.secret"))).isEqualTo("****");
		assertThat(redacted.getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("checkout");
		assertThat(redacted.getSchemaUrl()).isEqualTo(resource.getSchemaUrl());
		assertThat(redactor.redact(resource)).isSameAs(redacted);
		assertThat(redactor.redact(redacted)).isSameAs(redacted);
		Resource plain = Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout"));
		assertThat(redactor.redact(plain)).isSameAs(plain);
	}

	@Test
	void spansCarryTheirResourceRedacted() {
		Resource resource = Resource.create(Attributes.of(AttributeKey.stringKey("api-key"), "k-1",
				AttributeKey.stringKey("team"), "payments"));
		SpanRedactor redactor = new SpanRedactor(DEFAULT_KEYS, RedactionMode.DROP);
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		List<SpanData> spans;
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
			.setResource(resource)
			.addSpanProcessor(SimpleSpanProcessor.create(RedactingSpanExporter.wrap(exporter, redactor)))
			.build()) {
			tracerProvider.get("test").spanBuilder("one").startSpan().end();
			tracerProvider.get("test").spanBuilder("two").startSpan().end();
			spans = exporter.getFinishedSpanItems();
		}
		assertThat(spans).hasSize(2);
		Resource exported = spans.get(0).getResource();
		assertThat(exported.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey).containsExactly("team");
		assertThat(spans.get(1).getResource()).isSameAs(exported);
	}

	@Test
	void spansWithoutSecretsAreReturnedAsTheyAre() {
		SpanData plain = raw((tracer) -> tracer.spanBuilder("plain")
			.setAttribute(ORDER_ID, "o-1")
			.setAttribute(UrlAttributes.URL_FULL, "https://api.example.com/orders?page=2#top")
			.startSpan());
		SpanRedactor redactor = new SpanRedactor(DEFAULT_KEYS, RedactionMode.MASK);
		assertThat(redactor.redact(plain)).isSameAs(plain);
		Collection<SpanData> batch = List.of(plain, plain);
		assertThat(redactor.redact(batch)).isSameAs(batch);
	}

	@Test
	void aBatchKeepsItsOrderWhenSomeSpansChange() {
		SpanData plain = raw((tracer) -> tracer.spanBuilder("plain").startSpan());
		SpanData secret = raw((tracer) -> tracer.spanBuilder("secret")
			.setAttribute(PASSWORD, "hunter2")
			.startSpan());
		SpanRedactor redactor = new SpanRedactor(DEFAULT_KEYS, RedactionMode.HASH);
		Collection<SpanData> result = redactor.redact(List.of(plain, secret, plain));
		assertThat(result).extracting(SpanData::getName).containsExactly("plain", "secret", "plain");
		assertThat(result).element(0).isSameAs(plain);
		assertThat(List.copyOf(result).get(1).getAttributes().get(PASSWORD)).isEqualTo(Secrets.sha256Hex("hunter2"));
	}

	@Test
	void keysAreConfigurable() {
		SpanRedactor redactor = new SpanRedactor(List.of(" SSN "), RedactionMode.MASK);
		Attributes attributes = export(redactor, (tracer) -> tracer.spanBuilder("custom")
			.setAttribute("customer.ssn", "123-45-6789")
			.setAttribute(PASSWORD, "kept")
			.startSpan()).getAttributes();
		assertThat(attributes.get(AttributeKey.stringKey("customer.ssn"))).isEqualTo("****");
		assertThat(attributes.get(PASSWORD)).isEqualTo("kept");
	}

	@Test
	void wrapIsIdempotentAndNeedsARedactor() {
		SpanRedactor redactor = new SpanRedactor(DEFAULT_KEYS, RedactionMode.MASK);
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		assertThat(RedactingSpanExporter.wrap(exporter, null)).isSameAs(exporter);
		SpanExporter wrapped = RedactingSpanExporter.wrap(exporter, redactor);
		assertThat(RedactingSpanExporter.wrap(wrapped, redactor)).isSameAs(wrapped);
		assertThat(((RedactingSpanExporter) wrapped).getDelegate()).isSameAs(exporter);
		assertThat(wrapped).hasToString("RedactingSpanExporter{" + exporter + "}");
	}

	private Span secretSpan(Tracer tracer) {
		return tracer.spanBuilder("secret")
			.setAttribute(AUTHORIZATION_HEADER, List.of("Bearer abc", "Basic xyz"))
			.setAttribute(PASSWORD, "hunter2")
			.setAttribute(API_KEY, "k-1")
			.setAttribute(TOKEN_COUNT, 5L)
			.setAttribute(ORDER_ID, "o-1")
			.startSpan();
	}

	private static SpanData export(RedactionMode mode, Function<Tracer, Span> work) {
		return export(new SpanRedactor(DEFAULT_KEYS, mode), work);
	}

	private static SpanData raw(Function<Tracer, Span> work) {
		return export((SpanRedactor) null, work);
	}

	private static SpanData export(SpanRedactor redactor, Function<Tracer, Span> work) {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(RedactingSpanExporter.wrap(exporter, redactor)))
			.build()) {
			work.apply(tracerProvider.get("test")).end();
			List<SpanData> spans = exporter.getFinishedSpanItems();
			assertThat(spans).hasSize(1);
			return spans.get(0);
		}
	}

}
