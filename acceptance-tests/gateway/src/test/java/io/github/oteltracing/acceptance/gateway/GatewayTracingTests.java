package io.github.oteltracing.acceptance.gateway;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring Cloud Gateway on a loopback port routes to a real backend (on Spring Boot
 * 3.5 with Gateway 4.3 here, on Spring Boot 4 with Gateway 5 in
 * {@code acceptance-tests/boot4-gateway}, which compiles these same sources); both run the
 * starter and export to one real OTLP receiver. A routed request is one trace: the
 * gateway's SERVER span, one CLIENT span for the routed call (the starter's, not the one
 * Gateway's own observation would make through the Micrometer bridge), the backend's
 * SERVER span; with or without actuator, no secret of the URL exported, and none of it
 * with the client switch off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTracingTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String TOKEN = "gateway-token-5c8e";

	// Spring Boot 3's and 4's: an exclusion of a class that is not there is ignored.
	private static final String OBSERVATIONS = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration,"
			+ "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration";

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
	void clear() {
		this.sink.clear();
	}

	@Test
	void aRoutedRequestIsOneTraceWithOneClientSpanBetweenTheServerSpans() throws Exception {
		try (ConfigurableApplicationContext backend = startBackend();
				ConfigurableApplicationContext gateway = startGateway(backend, "gateway")) {
			assertOneTrace(gateway, backend, "gateway");
		}
	}

	@Test
	void theCallersPropagationHeadersAreReplacedNotPassedOn() throws Exception {
		try (ConfigurableApplicationContext backend = startBackend();
				ConfigurableApplicationContext gateway = startGateway(backend, "gateway-headers",
						"tracing.baggage.fields=tenant")) {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port(gateway) + "/api/headers"))
				// Only tenant is a baggage field: the caller's role goes no further, and
				// with no entry left there is no baggage header to send at all.
				.header("baggage", "role=admin")
				.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);

			List<ReceivedSpan> spans = this.sink.awaitSpans(3, WAIT);
			ReceivedSpan routed = only(spans, "gateway-headers", SpanKind.SPAN_KIND_CLIENT);
			assertThat(routed.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
			assertThat(response.body()).isEqualTo("traceparent=00-" + routed.traceId() + "-" + routed.spanId()
					+ "-01 baggage=null");
		}
	}

	@Test
	void withoutActuatorsObservationsTheRoutedCallIsTracedAllTheSame() throws Exception {
		try (ConfigurableApplicationContext backend = startBackend();
				ConfigurableApplicationContext gateway = startGateway(backend, "gateway-without-observations",
						"spring.autoconfigure.exclude=" + OBSERVATIONS)) {
			assertThat(gateway.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
			assertOneTrace(gateway, backend, "gateway-without-observations");
		}
	}

	@Test
	void aBackendThatIsDownMakesTheRoutedCallAnError() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext gateway = startGateway("http://127.0.0.1:" + closedPort,
				"gateway-backend-down")) {
			HttpResponse<String> response = send(gateway, "/api/owners/9");
			assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);

			List<ReceivedSpan> spans = this.sink.awaitSpans(2, WAIT);
			ReceivedSpan entry = only(spans, "gateway-backend-down", SpanKind.SPAN_KIND_SERVER);
			ReceivedSpan routed = only(spans, "gateway-backend-down", SpanKind.SPAN_KIND_CLIENT);
			assertThat(routed.parentSpanId()).isEqualTo(entry.spanId());
			assertThat(routed.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
			assertThat((String) routed.attribute("error.type")).isNotBlank();
			assertThat(routed.attribute("http.response.status_code")).isNull();
			assertThat(entry.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		}
	}

	private void assertOneTrace(ConfigurableApplicationContext gateway, ConfigurableApplicationContext backend,
			String service) throws Exception {
		assertThat(get(gateway, "/api/owners/7?token=" + TOKEN + "&page=2")).isEqualTo("owner-7");

		List<ReceivedSpan> spans = this.sink.awaitSpans(3, WAIT);
		ReceivedSpan entry = only(spans, service, SpanKind.SPAN_KIND_SERVER);
		ReceivedSpan routed = only(spans, service, SpanKind.SPAN_KIND_CLIENT);
		ReceivedSpan owner = only(spans, "backend", SpanKind.SPAN_KIND_SERVER);
		// Gateway's metric is recorded when its observation stops, after the response.
		Thread.sleep(500);
		assertThat(this.sink.spans()).hasSize(3);
		assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(entry.traceId());
		assertThat(entry.parentSpanId()).isEmpty();
		assertThat(routed.parentSpanId()).isEqualTo(entry.spanId());
		assertThat(owner.parentSpanId()).isEqualTo(routed.spanId());
		assertThat(routed.scopeName()).isEqualTo("io.github.oteltracing.http");
		assertThat(routed.name()).isEqualTo("GET");
		assertThat(routed.attributes()).containsEntry("http.request.method", "GET")
			.containsEntry("http.response.status_code", 200L)
			.containsEntry("server.address", "127.0.0.1")
			.containsEntry("server.port", (long) port(backend))
			.containsEntry("url.full", "http://127.0.0.1:" + port(backend) + "/owners/7?token=REDACTED&page=2");
		assertThat(owner.name()).isEqualTo("GET /owners/{id}");
		assertThat(entry.attribute("url.query")).isEqualTo("token=REDACTED&page=2");
		assertThat(owner.attribute("url.query")).isEqualTo("token=REDACTED&page=2");
		assertThat(spans).as("spans holding the raw token")
			.filteredOn((span) -> span.attributes().toString().contains(TOKEN) || span.name().contains(TOKEN))
			.isEmpty();
	}

	@Test
	void withTheClientSwitchOffTheGatewayMakesNoClientSpanAndSendsNoContext() throws Exception {
		try (ConfigurableApplicationContext backend = startBackend();
				ConfigurableApplicationContext gateway = startGateway(backend, "gateway-client-off",
						"tracing.http.client.enabled=false")) {
			assertThat(get(gateway, "/api/owners/8")).isEqualTo("owner-8");

			List<ReceivedSpan> spans = this.sink.awaitSpans(2, WAIT);
			ReceivedSpan entry = only(spans, "gateway-client-off", SpanKind.SPAN_KIND_SERVER);
			ReceivedSpan owner = only(spans, "backend", SpanKind.SPAN_KIND_SERVER);
			// Gateway's metric is recorded when its observation stops, after the response.
			Thread.sleep(500);
			assertThat(this.sink.spans()).hasSize(2);
			assertThat(owner.parentSpanId()).isEmpty();
			assertThat(owner.traceId()).isNotEqualTo(entry.traceId());
		}
	}

	// A backend per test: closing a reactive application disposes Reactor Netty's global
	// resources, which every application in the JVM shares.
	private ConfigurableApplicationContext startBackend() {
		return new SpringApplicationBuilder(Backend.class).web(WebApplicationType.REACTIVE)
			.properties(properties("backend"))
			.run();
	}

	private ConfigurableApplicationContext startGateway(ConfigurableApplicationContext backend, String name,
			String... extra) {
		return startGateway("http://127.0.0.1:" + port(backend), name, extra);
	}

	private ConfigurableApplicationContext startGateway(String backendUri, String name, String... extra) {
		return new SpringApplicationBuilder(Gateway.class).web(WebApplicationType.REACTIVE)
			.properties(properties(name))
			.properties("backend.uri=" + backendUri)
			.properties(extra)
			.run();
	}

	private String[] properties(String name) {
		return new String[] { "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
				"spring.application.name=" + name, "logging.level.root=warn",
				"spring.reactor.netty.shutdown-quiet-period=0s",
				"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
				// Spans reach the receiver within a tenth of a second, not after five.
				"tracing.exporter.batch.schedule-delay=100ms" };
	}

	private String get(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = send(context, path);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(ConfigurableApplicationContext context, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String service, SpanKind kind) {
		List<ReceivedSpan> matching = spans.stream()
			.filter((span) -> service.equals(span.serviceName()) && span.kind() == kind)
			.toList();
		assertThat(matching).as("%s spans of %s in %s", kind, service, spans).hasSize(1);
		return matching.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Gateway {

		@Bean
		RouteLocator routes(RouteLocatorBuilder routes, @Value("${backend.uri}") String backend) {
			return routes.routes()
				.route("owners", (route) -> route.path("/api/owners/**").filters((filters) -> filters.stripPrefix(1)).uri(backend))
				.route("headers", (route) -> route.path("/api/headers").filters((filters) -> filters.stripPrefix(1)).uri(backend))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(OwnersController.class)
	static class Backend {

	}

	@RestController
	static class OwnersController {

		@GetMapping("/owners/{id}")
		String owner(@PathVariable String id) {
			return "owner-" + id;
		}

		@GetMapping("/headers")
		String headers(@RequestHeader("traceparent") String traceparent,
				@RequestHeader(name = "baggage", required = false) String baggage) {
			return "traceparent=" + traceparent + " baggage=" + baggage;
		}

	}

}
