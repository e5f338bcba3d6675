package io.github.oteltracing.boot4;

import java.time.Duration;
import java.util.List;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 5 on Spring Boot 4: a Spring MVC application calls a WebFlux one with
 * each client Boot 4 builds (RestTemplateBuilder, RestClient.Builder, WebClient.Builder),
 * and the sink receives one trace with exactly one span per hop, as on Spring Boot 3.5.
 * The builders come from Boot 4's new modules, whose customizer types moved packages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpSpansTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private TraceSink sink;

	@BeforeAll
	void startSink() {
		this.sink = TraceSink.startHttp(0);
	}

	@AfterAll
	void stopSink() {
		this.sink.close();
	}

	private static final List<String> CLIENTS = List.of("rest-template", "rest-client", "web-client");

	// Jaeger reads every header name to find its baggage: Spring Framework 7 changed that API.
	@ParameterizedTest
	@ValueSource(strings = { "tracecontext,baggage", "b3multi", "jaeger" })
	void oneTraceWithOneSpanPerHop(String format) throws Exception {
		try (ConfigurableApplicationContext downstream = start(Downstream.class, WebApplicationType.REACTIVE,
				"downstream", "tracing.propagation.types=" + format);
				ConfigurableApplicationContext upstream = start(Upstream.class, WebApplicationType.SERVLET, "upstream",
						"tracing.propagation.types=" + format, "downstream.url=" + baseUrl(downstream))) {
			for (String client : CLIENTS) {
				this.sink.clear();
				String body = RestClient.create(baseUrl(upstream))
					.get()
					.uri("/call/{client}/items/42", client)
					.retrieve()
					.body(String.class);
				assertThat(body).isEqualTo("item-42");
				this.sink.awaitSpans(4, WAIT);
				Thread.sleep(200);
				assertOneSpanPerHop(client, this.sink.spans());
			}
		}
	}

	private static void assertOneSpanPerHop(String client, List<ReceivedSpan> spans) {
		assertThat(spans).as("%s: one span per hop and the traced method, got %s", client, spans).hasSize(4);
		ReceivedSpan upstreamServer = only(spans, "upstream", SpanKind.SPAN_KIND_SERVER);
		ReceivedSpan traced = only(spans, "upstream", SpanKind.SPAN_KIND_INTERNAL);
		ReceivedSpan upstreamClient = only(spans, "upstream", SpanKind.SPAN_KIND_CLIENT);
		ReceivedSpan downstreamServer = only(spans, "downstream", SpanKind.SPAN_KIND_SERVER);
		assertThat(upstreamServer.name()).isEqualTo("GET /call/{client}/items/{id}");
		assertThat(upstreamServer.parentSpanId()).isEmpty();
		assertThat(traced.name()).isEqualTo("load-item");
		assertThat(traced.parentSpanId()).isEqualTo(upstreamServer.spanId());
		assertThat(upstreamClient.name()).isEqualTo("GET");
		assertThat(upstreamClient.parentSpanId()).as(client).isEqualTo(traced.spanId());
		assertThat(upstreamClient.attribute("url.full")).asString().endsWith("/items/42");
		assertThat(upstreamClient.attribute("http.response.status_code")).isEqualTo(200L);
		assertThat(downstreamServer.name()).isEqualTo("GET /items/{id}");
		assertThat(downstreamServer.parentSpanId()).as(client).isEqualTo(upstreamClient.spanId());
		assertThat(downstreamServer.attribute("http.route")).isEqualTo("/items/{id}");
		assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(upstreamServer.traceId());
		assertThat(spans).extracting(ReceivedSpan::statusCode).containsOnly(StatusCode.STATUS_CODE_UNSET);
	}

	private ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, String serviceName,
			String... properties) {
		return new SpringApplicationBuilder(app).web(type)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"tracing.service-name=" + serviceName, "tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
					"tracing.exporter.batch.schedule-delay=50ms", "logging.level.root=warn")
			.properties(properties)
			.run();
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String service, SpanKind kind) {
		List<ReceivedSpan> matching = spans.stream()
			.filter((span) -> service.equals(span.serviceName()) && span.kind() == kind)
			.toList();
		assertThat(matching).as("%s %s spans in %s", service, kind, spans).hasSize(1);
		return matching.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ UpstreamController.class, Items.class })
	static class Upstream {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DownstreamController.class)
	static class Downstream {

	}

	@RestController
	static class DownstreamController {

		@GetMapping("/items/{id}")
		Mono<String> item(@PathVariable String id) {
			return Mono.just("item-" + id);
		}

	}

	static class Items {

		@Traced
		public String loadItem(String client, String path, UpstreamController controller) {
			return controller.send(client, path);
		}

	}

	@RestController
	static class UpstreamController {

		private final RestTemplate restTemplate;

		private final RestClient restClient;

		private final WebClient webClient;

		private final Items items;

		UpstreamController(RestTemplateBuilder restTemplates, RestClient.Builder restClients,
				WebClient.Builder webClients, Items items, @Value("${downstream.url}") String downstream) {
			this.restTemplate = restTemplates.rootUri(downstream).build();
			this.restClient = restClients.baseUrl(downstream).build();
			this.webClient = webClients.baseUrl(downstream).build();
			this.items = items;
		}

		@GetMapping("/call/{client}/items/{id}")
		String call(@PathVariable String client, @PathVariable String id) {
			return this.items.loadItem(client, "/items/" + id, this);
		}

		String send(String client, String path) {
			return switch (client) {
				case "rest-template" -> this.restTemplate.getForObject(path, String.class);
				case "rest-client" -> this.restClient.get().uri(path).retrieve().body(String.class);
				case "web-client" -> this.webClient.get().uri(path).retrieve().bodyToMono(String.class).block();
				default -> throw new IllegalArgumentException(client);
			};
		}

	}

}
