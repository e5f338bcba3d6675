package io.github.oteltracing.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span.Event;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SERVER spans by the HTTP semantic conventions, on Spring MVC (Tomcat), WebFlux on Netty
 * and WebFlux on Tomcat (servlet async I/O), each a real server on a loopback port with
 * HTTP/2 (h2c) and {@code tracing.http.server.trace-response} on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSpanConventionsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<Server, ConfigurableApplicationContext> servers = new EnumMap<>(Server.class);

	private TraceSink sink;

	private String lastPath;

	/** Where the last request went: a span of an earlier test's server may still arrive. */
	private Server lastServer;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		for (Server server : Server.values()) {
			this.servers.put(server, TestApps.start(server.app, server.type, this.sink, server.name(),
					"server.http2.enabled=true", "tracing.http.server.trace-response=true"));
		}
	}

	@AfterAll
	void stop() {
		this.servers.values().forEach(ConfigurableApplicationContext::close);
		this.sink.close();
	}

	@Test
	void aControllerExceptionIsNamedByTheApplicationsExceptionNotTheContainersWrapper() throws Exception {
		HttpResponse<String> response = send(Server.MVC, "/broken", HttpClient.Version.HTTP_1_1);
		ReceivedSpan span = serverSpan();
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(span.attribute("http.response.status_code")).isEqualTo(500L);
		assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(span.attribute("error.type")).isEqualTo(IllegalStateException.class.getName());
		assertThat(span.statusMessage()).isEqualTo("broken");
		assertThat(span.events()).singleElement()
			.satisfies((event) -> assertThat(attribute(event, "exception.type"))
				.isEqualTo(IllegalStateException.class.getName()));
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void anExceptionWithoutMessageLeavesNoStatusDescription(Server server) throws Exception {
		HttpResponse<String> response = send(server, "/silent", HttpClient.Version.HTTP_1_1);
		ReceivedSpan span = serverSpan();
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(span.attribute("error.type")).isEqualTo(IllegalStateException.class.getName());
		// Not the text "null"; the class name is error.type already.
		assertThat(span.statusMessage()).isEmpty();
	}

	@Test
	void aTimedOutAsyncRequestIsRecordedWithTheStatusTheClientGot() throws Exception {
		HttpResponse<String> response = send(Server.MVC, "/deferred", HttpClient.Version.HTTP_1_1);
		ReceivedSpan span = serverSpan();
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(span.name()).isEqualTo("GET /deferred");
		assertThat(span.attribute("http.response.status_code")).isEqualTo(503L);
		assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(span.attribute("error.type")).isNotEqualTo("500");
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void theServerPortOfADefaultPortComesFromTheScheme(Server server) throws IOException {
		// A Host header without a port: the client connected to the scheme's default port.
		assertThat(rawGet(server, "/items/1", "localhost")).isEqualTo(200);
		ReceivedSpan span = serverSpan();
		assertThat(span.attribute("server.address")).isEqualTo("localhost");
		assertThat(span.attribute("server.port")).isEqualTo(80L);
	}

	@ParameterizedTest
	@EnumSource(value = Server.class, names = { "WEBFLUX_NETTY", "WEBFLUX_TOMCAT" })
	void webFluxErrorsAreRecordedWithTheStatusTheClientGot(Server server) throws Exception {
		// Spring Boot's error handler answers 409 for both of these, and 500 for a plain
		// ErrorResponseException, which Spring's own handler would answer 409.
		for (String path : List.of("/annotated", "/missing/5", "/conflict")) {
			HttpResponse<String> response = send(server, path, HttpClient.Version.HTTP_1_1);
			ReceivedSpan span = serverSpan();
			assertThat(span.attribute("http.response.status_code")).as(path)
				.isEqualTo((long) response.statusCode());
			if (response.statusCode() < 500) {
				// A 4xx is the caller's mistake, not the server's.
				assertThat(span.statusCode()).as(path).isEqualTo(StatusCode.STATUS_CODE_UNSET);
				assertThat(span.attribute("error.type")).as(path).isNull();
			}
			else {
				assertThat(span.statusCode()).as(path).isEqualTo(StatusCode.STATUS_CODE_ERROR);
			}
		}
		assertThat(send(server, "/annotated", HttpClient.Version.HTTP_1_1).statusCode()).isEqualTo(409);
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void networkProtocolVersionIsSpelledAsTheConventionsSay(Server server) throws Exception {
		HttpResponse<String> h2 = send(server, "/items/2", HttpClient.Version.HTTP_2);
		assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(serverSpan().attribute("network.protocol.version")).isEqualTo("2");
		HttpResponse<String> h1 = send(server, "/items/1", HttpClient.Version.HTTP_1_1);
		assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
		assertThat(serverSpan().attribute("network.protocol.version")).isEqualTo("1.1");
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void clientAddressIsTheOriginalClientAndThePeerIsTheSocket(Server server) throws Exception {
		Map<String, List<String>> cases = Map.of("192.0.2.60",
				List.of("Forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43, for=198.51.100.17"),
				"2001:db8:cafe::17", List.of("Forwarded", "For=\"[2001:db8:cafe::17]:4711\""), "203.0.113.195",
				List.of("X-Forwarded-For", "203.0.113.195, 70.41.3.18, 150.172.238.178"), "127.0.0.1", List.of());
		int item = 30;
		for (Map.Entry<String, List<String>> entry : cases.entrySet()) {
			send(server, "/items/" + item++, HttpClient.Version.HTTP_1_1, entry.getValue().toArray(String[]::new));
			ReceivedSpan span = serverSpan();
			assertThat(span.attribute("client.address")).as(entry.getValue().toString()).isEqualTo(entry.getKey());
			assertThat(span.attribute("network.peer.address")).isEqualTo("127.0.0.1");
			assertThat((Long) span.attribute("network.peer.port")).isPositive();
		}
	}

	@ParameterizedTest
	@EnumSource(Server.class)
	void traceResponseNamesTheServerSpanOnEveryResponse(Server server) throws Exception {
		for (String path : List.of("/items/4", "/silent")) {
			HttpResponse<String> response = send(server, path, HttpClient.Version.HTTP_1_1);
			ReceivedSpan span = serverSpan();
			// W3C Trace Context Level 2: version 00, the trace id, the server span's id, its flags.
			assertThat(response.headers().allValues("traceresponse")).as(path)
				.containsExactly("00-" + span.traceId() + "-" + span.spanId() + "-01");
		}
	}

	/** The SERVER span of the last request: an earlier one may still arrive after its response. */
	private ReceivedSpan serverSpan() {
		List<ReceivedSpan> spans = this.sink.awaitSpans((received) -> !serverSpans(received).isEmpty(), WAIT);
		List<ReceivedSpan> server = serverSpans(spans);
		assertThat(server).as("one SERVER span of " + this.lastPath + " in " + spans).hasSize(1);
		return server.get(0);
	}

	private List<ReceivedSpan> serverSpans(List<ReceivedSpan> spans) {
		return spans.stream()
			.filter((span) -> span.kind() == SpanKind.SPAN_KIND_SERVER && this.lastPath.equals(span.attribute("url.path"))
					&& this.lastServer.name().equals(span.serviceName()))
			.toList();
	}

	private HttpResponse<String> send(Server server, String path, HttpClient.Version version, String... headers)
			throws Exception {
		this.sink.clear();
		this.lastPath = path;
		this.lastServer = server;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestApps.baseUrl(this.servers.get(server)) + path))
			.version(version)
			.timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int port(Server server) {
		return Integer.parseInt(TestApps.baseUrl(this.servers.get(server)).replaceAll(".*:", ""));
	}

	/** A raw HTTP/1.1 request, for a Host header that no client library would send. */
	private int rawGet(Server server, String path, String host) throws IOException {
		this.sink.clear();
		this.lastPath = path;
		this.lastServer = server;
		int port = port(server);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
			for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
				statusLine.write(next);
			}
			return Integer.parseInt(statusLine.toString(StandardCharsets.US_ASCII).split(" ")[1]);
		}
	}

	private static String attribute(Event event, String key) {
		return event.getAttributesList()
			.stream()
			.filter((attribute) -> attribute.getKey().equals(key))
			.map(KeyValue::getValue)
			.map((value) -> value.getStringValue())
			.findFirst()
			.orElse(null);
	}

	enum Server {

		MVC(TestApps.MvcDownstream.class, WebApplicationType.SERVLET),

		WEBFLUX_NETTY(TestApps.ReactiveDownstream.class, WebApplicationType.REACTIVE),

		WEBFLUX_TOMCAT(TestApps.ReactiveTomcatDownstream.class, WebApplicationType.REACTIVE);

		private final Class<?> app;

		private final WebApplicationType type;

		Server(Class<?> app, WebApplicationType type) {
			this.app = app;
			this.type = type;
		}

	}

}
