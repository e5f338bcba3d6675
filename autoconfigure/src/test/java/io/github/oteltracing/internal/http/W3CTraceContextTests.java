package io.github.oteltracing.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of W3C Trace Context (https://www.w3.org/TR/trace-context/) for incoming
 * requests, on Spring MVC (Tomcat) and WebFlux (Netty). Requests are written to raw
 * sockets, since HTTP clients merge or refuse repeated header fields; each server answers
 * with the headers it would send on an outgoing request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class W3CTraceContextTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String OTHER_TRACE_ID = "12345678901234567890123456789012";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

	private TraceSink sink;

	private final Map<WebApplicationType, ConfigurableApplicationContext> servers = new EnumMap<>(
			WebApplicationType.class);

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		// Room for the long headers of the truncation rules; the starter's own bounds are tested.
		String headerLimit = "server.max-http-request-header-size=64KB";
		this.servers.put(WebApplicationType.SERVLET,
				TestApps.start(MvcApp.class, WebApplicationType.SERVLET, this.sink, "w3c-mvc", headerLimit));
		this.servers.put(WebApplicationType.REACTIVE,
				TestApps.start(ReactiveApp.class, WebApplicationType.REACTIVE, this.sink, "w3c-webflux", headerLimit));
	}

	@AfterAll
	void stop() {
		this.servers.values().forEach(ConfigurableApplicationContext::close);
		this.sink.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void traceparentSentAsSeveralFieldsIsInvalidSoANewTraceStarts(WebApplicationType type) throws IOException {
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "traceparent",
				"00-" + OTHER_TRACE_ID + "-" + SPAN_ID + "-01", "tracestate", "foo=1");
		assertThat(traceId(outgoing)).hasSize(32).isNotIn(TRACE_ID, OTHER_TRACE_ID);
		assertThat(outgoing).doesNotContainKey("tracestate");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateSentAsSeveralFieldsIsCombinedInOrder(WebApplicationType type) throws IOException {
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", "foo=1,bar=2",
				"tracestate", "rojo=1,congo=2", "TraceState", "baz=3");
		assertThat(traceId(outgoing)).isEqualTo(TRACE_ID);
		assertThat(outgoing).containsEntry("tracestate", "foo=1,bar=2,rojo=1,congo=2,baz=3");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateOfTheMaximum32MembersOverFourFieldsIsKeptWhole(WebApplicationType type) throws IOException {
		List<String> members = members(32);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate",
				String.join(",", members.subList(0, 10)), "tracestate", String.join(",", members.subList(10, 20)),
				"tracestate", String.join(",", members.subList(20, 30)), "tracestate",
				String.join(",", members.subList(30, 32)));
		assertThat(outgoing).containsEntry("tracestate", String.join(",", members));
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void emptyTracestateFieldIsAcceptedAndDoesNotHideTheNextField(WebApplicationType type) throws IOException {
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", "", "tracestate",
				"foo=1, ,bar=2");
		assertThat(outgoing).containsEntry("tracestate", "foo=1,bar=2");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateListWithMoreThan32MembersIsDiscarded(WebApplicationType type) throws IOException {
		List<String> members = members(33);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate",
				String.join(",", members.subList(0, 20)), "tracestate", String.join(",", members.subList(20, 33)));
		assertThat(traceId(outgoing)).isEqualTo(TRACE_ID);
		assertThat(outgoing).doesNotContainKey("tracestate");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void duplicatedTracestateKeysKeepOnlyTheLeftmostMember(WebApplicationType type) throws IOException {
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", "foo=1,bar=2,foo=2",
				"tracestate", "bar=3,baz=4");
		assertThat(outgoing).containsEntry("tracestate", "foo=1,bar=2,baz=4");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateKeysWithAtSignsAllowedByTheKeyGrammarAreKept(WebApplicationType type) throws IOException {
		String longest = "t".repeat(242) + "@v";
		String tracestate = "foo@=1,foo@@bar=2,foo@bar@baz=3,t@" + "v".repeat(15) + "=4," + longest + "=5,bar=6";
		assertThat(tracestate).hasSizeLessThan(512);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", tracestate);
		assertThat(outgoing).containsEntry("tracestate", tracestate);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateValuesKeepAllAllowedCharactersAndLeadingSpaces(WebApplicationType type) throws IOException {
		String value = IntStream.rangeClosed(0x20, 0x7e)
			.filter((c) -> c != ',' && c != '=')
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
		String key = "abcdefghijklmnopqrstuvwxyz0123456789_-*/@a-z0-9_-*/";
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate",
				"foo=1 \t, \t" + key + "=" + value + "\t ,bar=2");
		assertThat(outgoing).containsEntry("tracestate", "foo=1," + key + "=" + value + ",bar=2");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateThatCannotBeParsedIsDiscardedWhileTraceparentIsKept(WebApplicationType type) throws IOException {
		for (String tracestate : List.of("@foo=1,bar=2", "foo=,bar=2", "foo=bar=baz,bar=2", "FOO=1,bar=2",
				"foo.bar=1,bar=2", "bar=2,foo", "z".repeat(257) + "=1,bar=2", "bar=2,foo=" + "v".repeat(257))) {
			Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", tracestate);
			assertThat(traceId(outgoing)).as(tracestate).isEqualTo(TRACE_ID);
			assertThat(outgoing).as(tracestate).doesNotContainKey("tracestate");
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void tracestateLongerThan512CharactersIsPropagatedWhole(WebApplicationType type) throws IOException {
		String tracestate = IntStream.range(0, 20)
			.mapToObj((i) -> "vendor" + i + "=" + "v".repeat(40))
			.collect(Collectors.joining(","));
		assertThat(tracestate).hasSizeGreaterThan(900);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", tracestate);
		assertThat(outgoing).containsEntry("tracestate", tracestate);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void truncatedTracestateLosesWholeEntriesLargerThan128CharactersFirstLongestFirst(WebApplicationType type)
			throws IOException {
		List<String> entries = new ArrayList<>();
		entries.add("first=1");
		for (int length : new int[] { 500, 510, 490, 505, 495, 480, 470, 460, 450 }) {
			entries.add(entry("big" + length, length));
		}
		entries.add("last=1");
		assertThat(String.join(",", entries)).hasSizeGreaterThan(4096);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", String.join(",", entries));
		entries.remove(entry("big510", 510));
		assertThat(outgoing).containsEntry("tracestate", String.join(",", entries));
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void truncatedTracestateLosesWholeEntriesFromTheEndOnceNoneIsLargerThan128Characters(WebApplicationType type)
			throws IOException {
		List<String> entries = IntStream.range(0, 32).mapToObj((i) -> entry("e" + (10 + i), 128)).toList();
		assertThat(String.join(",", entries)).hasSize(32 * 128 + 31);
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate", String.join(",", entries));
		assertThat(outgoing).containsEntry("tracestate", String.join(",", entries.subList(0, 31)));
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void prohibitivelyLargeTracestateIsDroppedWhileTraceparentIsKept(WebApplicationType type) throws IOException {
		Map<String, String> outgoing = send(type, "traceparent", TRACEPARENT, "tracestate",
				"foo=1" + " ".repeat(40_000) + ",bar=2");
		assertThat(traceId(outgoing)).isEqualTo(TRACE_ID);
		assertThat(outgoing).doesNotContainKey("tracestate");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void traceparentOfAHigherVersionLongerThan512CharactersIsContinuedAsVersion00(WebApplicationType type)
			throws IOException {
		String future = "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-" + "f".repeat(600);
		Map<String, String> outgoing = send(type, "traceparent", future, "tracestate", "foo=1");
		assertThat(outgoing.get("traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-01").hasSize(55);
		assertThat(outgoing.get("traceparent")).doesNotContain(SPAN_ID);
		assertThat(outgoing).containsEntry("tracestate", "foo=1");
	}

	private static List<String> members(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("bar%02d=%02d", i, i)).toList();
	}

	/** A tracestate entry of exactly the given length, within the 256 characters of key and value. */
	private static String entry(String name, int length) {
		int valueLength = Math.min(256, length - name.length() - 1);
		return name + "k".repeat(length - 1 - valueLength - name.length()) + "=" + "v".repeat(valueLength);
	}

	private static String traceId(Map<String, String> outgoing) {
		String traceparent = outgoing.get("traceparent");
		assertThat(traceparent).isNotNull();
		return traceparent.split("-")[1];
	}

	/**
	 * Sends the header fields, in order and repeated as given, and returns the headers the
	 * server would propagate.
	 */
	private Map<String, String> send(WebApplicationType type, String... fields) throws IOException {
		String base = TestApps.baseUrl(this.servers.get(type));
		int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
		StringBuilder request = new StringBuilder(
				"GET /outgoing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
		for (int i = 0; i < fields.length; i += 2) {
			request.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
		}
		request.append("\r\n");
		String response;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			response = all.toString(StandardCharsets.ISO_8859_1);
		}
		assertThat(response).startsWith("HTTP/1.1 200");
		String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
		String body = response.substring(response.indexOf("\r\n\r\n") + 4);
		if (head.contains("transfer-encoding: chunked")) {
			body = dechunk(body);
		}
		Map<String, String> outgoing = new LinkedHashMap<>();
		body.lines().filter((line) -> !line.isEmpty()).forEach((line) -> {
			int colon = line.indexOf(": ");
			outgoing.put(line.substring(0, colon), line.substring(colon + 2));
		});
		return outgoing;
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int position = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", position);
			int size = Integer.parseInt(chunked.substring(position, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			position = lineEnd + 2 + size + 2;
		}
	}

	private static String outgoingHeaders(OpenTelemetry openTelemetry) {
		Map<String, String> headers = new LinkedHashMap<>();
		openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
		return headers.entrySet()
			.stream()
			.map((header) -> header.getKey() + ": " + header.getValue() + "\n")
			.collect(Collectors.joining());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MvcOutgoingController.class)
	static class MvcApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveOutgoingController.class)
	static class ReactiveApp {

	}

	@RestController
	static class MvcOutgoingController {

		private final OpenTelemetry openTelemetry;

		MvcOutgoingController(OpenTelemetry openTelemetry) {
			this.openTelemetry = openTelemetry;
		}

		@GetMapping("/outgoing")
		String outgoing() {
			return outgoingHeaders(this.openTelemetry);
		}

	}

	@RestController
	static class ReactiveOutgoingController {

		private final OpenTelemetry openTelemetry;

		ReactiveOutgoingController(OpenTelemetry openTelemetry) {
			this.openTelemetry = openTelemetry;
		}

		@GetMapping("/outgoing")
		Mono<String> outgoing() {
			return Mono.fromSupplier(() -> outgoingHeaders(this.openTelemetry));
		}

	}

}
