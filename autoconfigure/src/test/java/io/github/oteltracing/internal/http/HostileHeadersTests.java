package io.github.oteltracing.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed, hostile and oversized trace headers sent over raw sockets to
 * real servers: every request succeeds, a bad trace header starts a new root trace, and a
 * bad {@code tracestate} or {@code baggage} is dropped while a valid {@code traceparent}
 * is kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHeadersTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

	private static final String HOSTILE_CHARACTERS = "gzG!@#%^&*()_+=[]{};'\",.<>?/\\| \tü日本é\u00ff";

	private final Random random = new Random(20261127);

	private TraceSink sink;

	private final Map<WebApplicationType, ConfigurableApplicationContext> servers = new LinkedHashMap<>();

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		String formats = "tracing.propagation.types=tracecontext,baggage,b3,b3multi,jaeger";
		// Let oversized headers through the server so that the starter's own limits are what is tested.
		String headerLimit = "server.max-http-request-header-size=64KB";
		this.servers.put(WebApplicationType.SERVLET, TestApps.start(TestApps.MvcDownstream.class,
				WebApplicationType.SERVLET, this.sink, "hostile-mvc", formats, headerLimit));
		this.servers.put(WebApplicationType.REACTIVE, TestApps.start(TestApps.ReactiveDownstream.class,
				WebApplicationType.REACTIVE, this.sink, "hostile-webflux", formats, headerLimit));
	}

	@AfterAll
	void stop() {
		this.servers.values().forEach(ConfigurableApplicationContext::close);
		this.sink.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void hostileHeadersNeverFailARequest(WebApplicationType type) throws IOException {
		List<Case> cases = cases();
		assertThat(cases).hasSizeGreaterThan(300);
		int port = Integer.parseInt(TestApps.baseUrl(this.servers.get(type)).replaceAll(".*:", ""));
		this.sink.clear();
		for (int i = 0; i < cases.size(); i++) {
			int status = send(port, "/items/" + i, cases.get(i).headers());
			assertThat(status).as("status for " + cases.get(i)).isEqualTo(200);
		}
		List<ReceivedSpan> spans = this.sink.awaitSpans(cases.size(), Duration.ofSeconds(30));
		Map<String, ReceivedSpan> byPath = spans.stream()
			.collect(Collectors.toMap((span) -> String.valueOf(span.attribute("url.path")), Function.identity(),
					(first, second) -> {
						throw new AssertionError("two spans for one request: " + first + " and " + second);
					}));
		for (int i = 0; i < cases.size(); i++) {
			Case hostile = cases.get(i);
			ReceivedSpan span = byPath.get("/items/" + i);
			assertThat(span).as("span for " + hostile).isNotNull();
			assertThat(span.name()).isEqualTo("GET /items/{id}");
			if (hostile.keepsParent()) {
				assertThat(span.traceId()).as("trace of " + hostile).isEqualTo(TRACE_ID);
				assertThat(span.parentSpanId()).as("parent of " + hostile).isEqualTo(SPAN_ID);
			}
			else {
				assertThat(span.parentSpanId()).as("parent of " + hostile).isEmpty();
				assertThat(span.traceId()).as("trace of " + hostile).isNotEqualTo(TRACE_ID).hasSize(32);
			}
		}
	}

	private List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		// Fixed cases that name each rule.
		for (String traceparent : List.of("", "00", "00-" + TRACE_ID + "-" + SPAN_ID, TRACEPARENT + "-",
				"ff-" + TRACE_ID + "-" + SPAN_ID + "-01", "00-00000000000000000000000000000000-" + SPAN_ID + "-01",
				"00-" + TRACE_ID + "-0000000000000000-01", "00-" + TRACE_ID.substring(1) + "-" + SPAN_ID + "-01",
				"00-" + TRACE_ID + "0-" + SPAN_ID + "-01", "0x-" + TRACE_ID + "-" + SPAN_ID + "-01",
				TRACEPARENT.replace('-', '_'), "00-" + TRACE_ID + "-" + SPAN_ID + "-01".repeat(200))) {
			cases.add(new Case(false, Map.of("traceparent", traceparent)));
		}
		for (String b3 : List.of("0", "abc", TRACE_ID + "-", TRACE_ID + "-" + SPAN_ID.substring(2) + "-1",
				"00000000000000000000000000000000-" + SPAN_ID + "-1", TRACE_ID + "-0000000000000000-1",
				"x".repeat(5000))) {
			cases.add(new Case(false, Map.of("b3", b3)));
		}
		cases.add(new Case(false, Map.of("X-B3-TraceId", "not-hex", "X-B3-SpanId", SPAN_ID, "X-B3-Sampled", "1")));
		cases.add(new Case(false, Map.of("X-B3-TraceId", TRACE_ID, "X-B3-Sampled", "1")));
		cases.add(new Case(false, Map.of("X-B3-TraceId", "0", "X-B3-SpanId", "0")));
		for (String jaeger : List.of("a:b:c", "0:0:0:1", TRACE_ID + ":" + SPAN_ID, TRACE_ID + ":zz:0:1",
				TRACE_ID + ":" + SPAN_ID + ":0:1:9", "::::")) {
			cases.add(new Case(false, Map.of("uber-trace-id", jaeger)));
		}
		// A valid traceparent survives whatever comes with it.
		for (String tracestate : List.of("=", "a=b=c", "ü=1", "k".repeat(300) + "=v", "a=1,".repeat(40),
				"x=" + "y".repeat(5000), ",,,,")) {
			cases.add(new Case(true, Map.of("traceparent", TRACEPARENT, "tracestate", tracestate)));
		}
		for (String baggage : List.of("=", "k=", "=v", "k=v;;;", "ü=日本", "k=" + "v".repeat(9000), "k=v,".repeat(500),
				"%%%=%%%")) {
			cases.add(new Case(true, Map.of("traceparent", TRACEPARENT, "baggage", baggage)));
		}
		// Generated: a valid header with one guaranteed fault, for each trace format.
		for (int i = 0; i < 80; i++) {
			cases.add(new Case(false, Map.of("traceparent", corrupt(TRACEPARENT, 3))));
			cases.add(new Case(false, Map.of("b3", corrupt(TRACE_ID + "-" + SPAN_ID + "-1", 0))));
			cases.add(new Case(false, Map.of("uber-trace-id", corrupt(TRACE_ID + ":" + SPAN_ID + ":0:1", 0))));
			cases.add(new Case(true,
					Map.of("traceparent", TRACEPARENT, "baggage", garbage(1 + this.random.nextInt(200)),
							"tracestate", garbage(1 + this.random.nextInt(600)))));
		}
		return cases;
	}

	/** Replaces one hex digit of the ids with a character that is never hex. */
	private String corrupt(String value, int from) {
		char[] characters = value.toCharArray();
		int index;
		do {
			index = from + this.random.nextInt(characters.length - from);
		}
		while (Character.digit(characters[index], 16) < 0 || index >= from + 49);
		char replacement;
		do {
			replacement = HOSTILE_CHARACTERS.charAt(this.random.nextInt(HOSTILE_CHARACTERS.length()));
		}
		while (Character.digit(replacement, 16) >= 0);
		characters[index] = replacement;
		return new String(characters);
	}

	private String garbage(int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(HOSTILE_CHARACTERS.charAt(this.random.nextInt(HOSTILE_CHARACTERS.length())));
		}
		return builder.toString().strip();
	}

	/** A raw HTTP/1.1 request, so that no client library cleans the headers up first. */
	private static int send(int port, String path, Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream statusLine = new ByteArrayOutputStream();
			int next;
			while ((next = in.read()) != -1 && next != '\n') {
				statusLine.write(next);
			}
			String line = statusLine.toString(StandardCharsets.ISO_8859_1);
			return Integer.parseInt(line.split(" ")[1]);
		}
	}

	private record Case(boolean keepsParent, Map<String, String> headers) {

		@Override
		public String toString() {
			return (this.keepsParent ? "keeps parent " : "new root ") + this.headers.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + ": " + abbreviate(entry.getValue()))
				.collect(Collectors.joining(", "));
		}

		private static String abbreviate(String value) {
			return (value.length() > 80) ? value.substring(0, 80) + "...(" + value.length() + ")" : value;
		}

	}

}
