package io.github.oteltracing.internal.micrometer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real applications with Spring Boot's actuator, so with Spring's Observation-based HTTP
 * instrumentation and the Micrometer tracing bridge: with
 * {@code tracing.http.server.enabled=false} and {@code tracing.http.client.enabled=false}
 * no SERVER or CLIENT span reaches the collector from any source, while Spring's
 * {@code http.server.requests} and {@code http.client.requests} metrics are still recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSwitchedOffTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private TraceSink sink;

	@BeforeAll
	void startSink() {
		this.sink = TraceSink.startHttp(0);
	}

	@AfterAll
	void stopSink() {
		this.sink.close();
	}

	@BeforeEach
	void clearSink() {
		this.sink.clear();
	}

	@Test
	void mvcSwitchedOffMakesNoHttpSpansButKeepsHttpMetrics() throws Exception {
		try (ConfigurableApplicationContext context = start(MvcApp.class, WebApplicationType.SERVLET)) {
			assertThat(get(context, "/work")).isEqualTo("pong");
			awaitHttpMetrics(context);
			assertExportedOnly(context, "work");
		}
	}

	@Test
	void webFluxSwitchedOffMakesNoHttpSpansButKeepsHttpMetrics() throws Exception {
		try (ConfigurableApplicationContext context = start(ReactiveApp.class, WebApplicationType.REACTIVE)) {
			assertThat(get(context, "/work")).isEqualTo("pong");
			awaitHttpMetrics(context);
			context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("marker").startSpan().end();
			assertExportedOnly(context, "marker");
		}
	}

	private ConfigurableApplicationContext start(Class<?> app, WebApplicationType type) {
		return new SpringApplicationBuilder(app).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(), "logging.level.root=warn",
					"spring.reactor.netty.shutdown-quiet-period=0s", "tracing.http.server.enabled=false",
					"tracing.http.client.enabled=false")
			.run();
	}

	private String get(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(baseUrl(context) + path))
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	// A metric is recorded when its observation stops, which is when a span of it would end.
	private static void awaitHttpMetrics(ConfigurableApplicationContext context) throws InterruptedException {
		awaitTimer(context, "http.server.requests", "/ping");
		awaitTimer(context, "http.server.requests", "/work");
		awaitTimer(context, "http.client.requests", "/ping");
	}

	private static void awaitTimer(ConfigurableApplicationContext context, String name, String uri)
			throws InterruptedException {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (timerCount(registry, name, uri) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(timerCount(registry, name, uri)).as("%s for %s", name, uri).isEqualTo(1);
	}

	private static long timerCount(MeterRegistry registry, String name, String uri) {
		Timer timer = registry.find(name).tag("uri", uri).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private void assertExportedOnly(ConfigurableApplicationContext context, String expected) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		List<ReceivedSpan> spans = this.sink.awaitSpans(1, WAIT);
		assertThat(spans).extracting(ReceivedSpan::name).containsExactly(expected);
		ReceivedSpan only = spans.get(0);
		assertThat(only.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
		// The caller's context was not taken from the request either: nothing traces it.
		assertThat(only.traceId()).isNotEqualTo("0af7651916cd43dd8448eb211c80319c");
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ MvcController.class, Work.class })
	static class MvcApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveController.class)
	static class ReactiveApp {

	}

	@RestController
	static class MvcController {

		private final Work work;

		MvcController(Work work) {
			this.work = work;
		}

		@GetMapping("/work")
		String work() {
			return this.work.work();
		}

		@GetMapping("/ping")
		String ping() {
			return "pong";
		}

	}

	static class Work {

		private final RestTemplateBuilder restTemplates;

		private final Environment environment;

		Work(RestTemplateBuilder restTemplates, Environment environment) {
			this.restTemplates = restTemplates;
			this.environment = environment;
		}

		@Traced("work")
		public String work() {
			RestTemplate restTemplate = this.restTemplates
				.rootUri("http://127.0.0.1:" + this.environment.getProperty("local.server.port"))
				.build();
			return restTemplate.getForObject("/ping", String.class);
		}

	}

	@RestController
	static class ReactiveController {

		private final WebClient.Builder webClients;

		private final Environment environment;

		ReactiveController(WebClient.Builder webClients, Environment environment) {
			this.webClients = webClients;
			this.environment = environment;
		}

		@GetMapping("/work")
		Mono<String> work() {
			return this.webClients.baseUrl("http://127.0.0.1:" + this.environment.getProperty("local.server.port"))
				.build()
				.get()
				.uri("/ping")
				.retrieve()
				.bodyToMono(String.class);
		}

		@GetMapping("/ping")
		Mono<String> ping() {
			return Mono.just("pong");
		}

	}

}
