package io.github.oteltracing.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real applications on loopback ports, A calling B with each client: one trace per
 * request with exactly one span per hop, in each propagation format, exported over OTLP
 * to a real receiver. Spring Boot's actuator (with its Observation-based HTTP
 * instrumentation) is on this classpath, so no duplicates also means Boot's tracing
 * stayed out of the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTracingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<String> CLIENTS = List.of("rest-template", "rest-client", "web-client");

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

	/** Spring Boot's observation and tracing auto-configuration, as if actuator were absent. */
	private static final String WITHOUT_ACTUATOR = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration,"
			+ "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration,"
			+ "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration";

	static Stream<Arguments> formatsAndDownstreams() {
		return Stream.of(Arguments.of("tracecontext", WebApplicationType.SERVLET, true),
				Arguments.of("b3", WebApplicationType.SERVLET, true),
				Arguments.of("b3multi", WebApplicationType.SERVLET, true),
				Arguments.of("jaeger", WebApplicationType.SERVLET, true),
				Arguments.of("tracecontext,baggage", WebApplicationType.REACTIVE, true),
				Arguments.of("b3multi", WebApplicationType.REACTIVE, true),
				Arguments.of("tracecontext", WebApplicationType.SERVLET, false),
				Arguments.of("b3", WebApplicationType.SERVLET, false),
				Arguments.of("b3multi", WebApplicationType.REACTIVE, false),
				Arguments.of("jaeger", WebApplicationType.SERVLET, false));
	}

	@ParameterizedTest(name = "{0} to {1}, actuator {2}")
	@MethodSource("formatsAndDownstreams")
	void oneTraceWithOneSpanPerHop(String format, WebApplicationType downstreamType, boolean actuator)
			throws Exception {
		String observations = actuator ? "tracing.enabled=true" : WITHOUT_ACTUATOR;
		Class<?> downstreamApp = (downstreamType == WebApplicationType.SERVLET) ? TestApps.MvcDownstream.class
				: TestApps.ReactiveDownstream.class;
		try (ConfigurableApplicationContext b = TestApps.start(downstreamApp, downstreamType, this.sink, "service-b",
				"tracing.propagation.types=" + format, observations);
				ConfigurableApplicationContext a = TestApps.start(TestApps.MvcUpstream.class,
						WebApplicationType.SERVLET, this.sink, "service-a", "tracing.propagation.types=" + format,
						"downstream.url=" + TestApps.baseUrl(b), observations)) {
			// With actuator, Spring's Observation-based HTTP instrumentation is active too.
			assertThat(a.getBeanProvider(io.micrometer.observation.ObservationRegistry.class).getIfAvailable() != null)
				.isEqualTo(actuator);
			for (String client : CLIENTS) {
				this.sink.clear();
				assertThat(get(TestApps.baseUrl(a) + "/call/" + client + "/items/42")).isEqualTo(Map.entry(200, "item-42"));
				List<ReceivedSpan> spans = this.sink.awaitSpans(3, WAIT);
				Thread.sleep(200);
				spans = this.sink.spans();
				assertThat(spans).as(client + ": exactly one span per hop, got " + spans).hasSize(3);
				ReceivedSpan aServer = only(spans, "service-a", SpanKind.SPAN_KIND_SERVER);
				ReceivedSpan aClient = only(spans, "service-a", SpanKind.SPAN_KIND_CLIENT);
				ReceivedSpan bServer = only(spans, "service-b", SpanKind.SPAN_KIND_SERVER);
				assertThat(aServer.name()).isEqualTo("GET /call/{client}/items/{id}");
				assertThat(aServer.parentSpanId()).isEmpty();
				assertThat(aClient.name()).isEqualTo("GET");
				assertThat(aClient.parentSpanId()).isEqualTo(aServer.spanId());
				assertThat(aClient.attribute("url.full")).asString().endsWith("/items/42");
				assertThat(aClient.attribute("http.response.status_code")).isEqualTo(200L);
				assertThat(bServer.name()).isEqualTo("GET /items/{id}");
				assertThat(bServer.parentSpanId()).isEqualTo(aClient.spanId());
				assertThat(bServer.attribute("http.route")).isEqualTo("/items/{id}");
				assertThat(bServer.attribute("http.request.method")).isEqualTo("GET");
				assertThat(bServer.attribute("url.path")).isEqualTo("/items/42");
				assertThat(Stream.of(aServer, aClient, bServer).map(ReceivedSpan::traceId).distinct()).hasSize(1);
				assertThat(Stream.of(aServer, aClient, bServer).map(ReceivedSpan::statusCode))
					.containsOnly(StatusCode.STATUS_CODE_UNSET);
			}
		}
	}

	@Test
	void failuresAreErrorsWhereSemanticConventionsSay() throws Exception {
		try (ConfigurableApplicationContext b = TestApps.start(TestApps.MvcDownstream.class,
				WebApplicationType.SERVLET, this.sink, "service-b", "tracing.http.server.exclude-paths=/internal/**");
				ConfigurableApplicationContext a = TestApps.start(TestApps.MvcUpstream.class,
						WebApplicationType.SERVLET, this.sink, "service-a", "downstream.url=" + TestApps.baseUrl(b))) {
			for (String client : CLIENTS) {
				this.sink.clear();
				assertThat(get(TestApps.baseUrl(a) + "/call/" + client + "/broken").getKey()).isEqualTo(500);
				List<ReceivedSpan> spans = this.sink.awaitSpans(3, WAIT);
				ReceivedSpan bServer = only(spans, "service-b", SpanKind.SPAN_KIND_SERVER);
				ReceivedSpan aClient = only(spans, "service-a", SpanKind.SPAN_KIND_CLIENT);
				ReceivedSpan aServer = only(spans, "service-a", SpanKind.SPAN_KIND_SERVER);
				assertThat(bServer.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
				assertThat(bServer.attribute("error.type")).isEqualTo(IllegalStateException.class.getName());
				assertThat(aClient.statusCode()).as(client).isEqualTo(StatusCode.STATUS_CODE_ERROR);
				assertThat(aClient.attribute("http.response.status_code")).as(client).isEqualTo(500L);
				assertThat(aServer.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
			}
			// A 404 is an error for the client that asked, not for the server that answered.
			this.sink.clear();
			assertThat(get(TestApps.baseUrl(b) + "/missing/7").getKey()).isEqualTo(404);
			ReceivedSpan missing = this.sink.awaitSpans(1, WAIT).get(0);
			assertThat(missing.name()).isEqualTo("GET /missing/{id}");
			assertThat(missing.statusCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
			assertThat(missing.attribute("http.response.status_code")).isEqualTo(404L);
			// Excluded paths are never traced.
			this.sink.clear();
			assertThat(get(TestApps.baseUrl(b) + "/internal/ping")).isEqualTo(Map.entry(200, "pong"));
			assertThat(get(TestApps.baseUrl(b) + "/items/1").getKey()).isEqualTo(200);
			assertThat(this.sink.awaitSpans(1, WAIT)).extracting(ReceivedSpan::name).containsExactly("GET /items/{id}");
		}
	}

	@Test
	void tracedMethodsBetweenServerAndClientAreInTheChain() throws Exception {
		try (ConfigurableApplicationContext b = TestApps.start(TestApps.ReactiveDownstream.class,
				WebApplicationType.REACTIVE, this.sink, "service-b");
				ConfigurableApplicationContext a = TestApps.start(TestApps.MvcUpstream.class,
						WebApplicationType.SERVLET, this.sink, "service-a", "downstream.url=" + TestApps.baseUrl(b))) {
			for (String client : CLIENTS) {
				this.sink.clear();
				assertThat(get(TestApps.baseUrl(a) + "/traced/" + client + "/items/5").getKey()).isEqualTo(200);
				List<ReceivedSpan> spans = this.sink.awaitSpans(4, WAIT);
				ReceivedSpan aServer = only(spans, "service-a", SpanKind.SPAN_KIND_SERVER);
				ReceivedSpan step = only(spans, "service-a", SpanKind.SPAN_KIND_INTERNAL);
				ReceivedSpan aClient = only(spans, "service-a", SpanKind.SPAN_KIND_CLIENT);
				ReceivedSpan bServer = only(spans, "service-b", SpanKind.SPAN_KIND_SERVER);
				assertThat(step.name()).isEqualTo("load-item");
				assertThat(step.parentSpanId()).isEqualTo(aServer.spanId());
				assertThat(aClient.parentSpanId()).as(client).isEqualTo(step.spanId());
				assertThat(bServer.parentSpanId()).isEqualTo(aClient.spanId());
			}
		}
	}

	@Test
	void reactiveHandlersSeeTheServerSpanAfterAThreadHop() throws Exception {
		try (ConfigurableApplicationContext b = TestApps.start(TestApps.ReactiveDownstream.class,
				WebApplicationType.REACTIVE, this.sink, "service-b")) {
			this.sink.clear();
			Map.Entry<Integer, String> response = get(TestApps.baseUrl(b) + "/hop");
			ReceivedSpan server = only(this.sink.awaitSpans(1, WAIT), "service-b", SpanKind.SPAN_KIND_SERVER);
			assertThat(response).isEqualTo(Map.entry(200, server.spanId()));
			// Read when the response was committed: on a servlet container it is recycled by the end.
			assertThat(server.attribute("http.response.status_code")).isEqualTo(200L);
		}
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String service, SpanKind kind) {
		List<ReceivedSpan> matching = spans.stream()
			.filter((span) -> service.equals(span.serviceName()) && span.kind() == kind)
			.toList();
		assertThat(matching).as(service + " " + kind + " in " + spans).hasSize(1);
		return matching.get(0);
	}

	private Map.Entry<Integer, String> get(String url) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return Map.entry(response.statusCode(), response.body());
	}

}
