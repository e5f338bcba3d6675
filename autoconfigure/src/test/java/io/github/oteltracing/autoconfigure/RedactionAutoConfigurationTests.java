package io.github.oteltracing.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.redaction.RedactionMode;
import io.github.oteltracing.redaction.SpanRedactor;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.semconv.UrlAttributes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionAutoConfigurationTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.type=none");

	@Test
	void definesARedactorWithTheDefaultKeysInMaskMode() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SpanRedactor.class);
			RedactionProperties properties = context.getBean(RedactionProperties.class);
			assertThat(properties.getKeys()).containsExactly("authorization", "cookie", "set-cookie", "password",
					"passwd", "secret", "token", "api-key", "apikey");
			assertThat(properties.getMode()).isEqualTo(RedactionMode.MASK);
		});
	}

	@Test
	void bindsKeysAndModes() {
		this.runner.withPropertyValues("tracing.redaction.keys=ssn, iban", "tracing.redaction.mode=hash")
			.run((context) -> {
				RedactionProperties properties = context.getBean(RedactionProperties.class);
				assertThat(properties.getKeys()).containsExactly("ssn", "iban");
				assertThat(properties.getMode()).isEqualTo(RedactionMode.HASH);
			});
		this.runner.withPropertyValues("tracing.redaction.mode=DROP")
			.run((context) -> assertThat(context.getBean(RedactionProperties.class).getMode())
				.isEqualTo(RedactionMode.DROP));
		this.runner.withPropertyValues("tracing.redaction.keys=")
			.run((context) -> assertThat(context.getBean(RedactionProperties.class).getKeys()).isEmpty());
	}

	@Test
	void badValuesFailWithAnAnalysis() {
		this.runner.withPropertyValues("tracing.redaction.mode=encrypt").run((context) -> {
			FailureAnalysis analysis = new TracingConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("tracing.redaction.mode").contains("encrypt");
			assertThat(analysis.getAction()).contains("one of mask, hash, drop");
		});
		this.runner.withPropertyValues("tracing.redaction.keys[0]=token", "tracing.redaction.keys[1]= ")
			.run((context) -> {
				FailureAnalysis analysis = new TracingConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("tracing.redaction.keys")
					.contains("must not contain a blank key");
			});
		this.runner.withPropertyValues("tracing.redaction.keys=token, --").run((context) -> {
			FailureAnalysis analysis = new TracingConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("tracing.redaction.keys")
				.contains("must not contain a key without letters or digits");
		});
	}

	@Test
	void backsOffForAUserRedactor() {
		this.runner.withUserConfiguration(UserRedactor.class)
			.run((context) -> assertThat(context.getBean(SpanRedactor.class)).isSameAs(UserRedactor.REDACTOR));
	}

	@Test
	void tracingDisabledDefinesNothing() {
		this.runner.withPropertyValues("tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanRedactor.class)
				.doesNotHaveBean(RedactionProperties.class));
	}

	@Test
	void withoutTheSdkDefinesNothing() {
		this.runner.withClassLoader(new FilteredClassLoader("io.opentelemetry.sdk"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SpanRedactor.class));
	}

	/**
	 * Spans full of secrets, set by {@code @SpanAttribute}, user code, events and
	 * exceptions, go through the starter's batch processor and OTLP exporter over
	 * http/protobuf to a real receiver: no raw secret arrives.
	 */
	@Test
	void rawSecretsNeverReachTheReceiver() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			TracingAutoConfigurationsSupport.runner()
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint(),
						"tracing.exporter.batch.schedule-delay=50ms")
				.withBean(Login.class)
				.run((context) -> {
					context.getBean(Login.class).login("alice", "hunter2-pw", "Bearer s3cr3t-bearer");
					context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
					List<ReceivedSpan> spans = sink.awaitSpans(1, Duration.ofSeconds(10));
					ReceivedSpan span = spans.get(0);
					assertThat(span.name()).isEqualTo("login");
					assertThat(span.attribute("user.name")).isEqualTo("alice");
					assertThat(span.attribute("user.password")).isEqualTo("****");
					assertThat(span.attribute("http.request.header.authorization")).isEqualTo(List.of("****"));
					assertThat(span.attribute(UrlAttributes.URL_FULL.getKey()))
						.isEqualTo("https://REDACTED:REDACTED@api.example.com/callback?token=REDACTED&page=2");
					assertThat(span.attribute(UrlAttributes.URL_QUERY.getKey())).isEqualTo("token=REDACTED&page=2");
					assertThat(span.events()).hasSize(2);
					// Everything the receiver got, events and their attributes included, as text.
					assertThat(spans.toString() + span.proto() + span.attributes() + span.events())
						.doesNotContain("hunter2-pw", "s3cr3t-bearer", "bob-pw", "tok-123", "cookie-val", "key-999")
						.contains("****");
				});
		}
	}

	@Test
	void theStartersResourceIsRedactedWhenBuilt() {
		this.runner
			.withPropertyValues("tracing.resource.attributes.api-key=k-123", "tracing.resource.attributes.team=payments")
			.run((context) -> {
				Resource resource = context.getBean(Resource.class);
				assertThat(resource.getAttribute(AttributeKey.stringKey("api-key"))).isEqualTo("****");
				assertThat(resource.getAttribute(AttributeKey.stringKey("team"))).isEqualTo("payments");
				assertThat(context.getBean(SpanRedactor.class).redact(resource)).isSameAs(resource);
			});
	}

	@Test
	void anApplicationsOwnResourceIsRedactedOnExport() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			TracingAutoConfigurationsSupport.runner()
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint(), "tracing.redaction.mode=drop")
				.withBean(Resource.class, () -> Resource.create(Attributes.of(AttributeKey.stringKey("service.name"),
						"own", AttributeKey.stringKey("db.password"), "pw-777")))
				.run((context) -> {
					context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan().end();
					context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
					ReceivedSpan span = sink.awaitSpans(1, Duration.ofSeconds(10)).get(0);
					assertThat(span.resourceAttributes()).containsEntry("service.name", "own")
						.doesNotContainKey("db.password");
				});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRedactor {

		static final SpanRedactor REDACTOR = new SpanRedactor(List.of("x"), RedactionMode.DROP);

		@Bean
		SpanRedactor userRedactor() {
			return REDACTOR;
		}

	}

	static class Login {

		@Traced("login")
		public void login(@SpanAttribute("user.name") String user, @SpanAttribute("user.password") String password,
				String authorization) {
			Span span = Span.current();
			span.setAttribute(AttributeKey.stringArrayKey("http.request.header.authorization"), List.of(authorization));
			span.setAttribute(UrlAttributes.URL_FULL,
					"https://bob:bob-pw@api.example.com/callback?token=tok-123&page=2");
			span.setAttribute(UrlAttributes.URL_QUERY, "token=tok-123&page=2");
			span.addEvent("session", Attributes.of(AttributeKey.stringKey("session.cookie"), "cookie-val"));
			span.recordException(new IllegalStateException("refused"),
					Attributes.of(AttributeKey.stringKey("client.api-key"), "key-999"));
		}

	}

}
