package io.github.oteltracing.internal.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import static org.awaitility.Awaitility.await;

/**
 * An OTLP http/protobuf receiver on {@code 127.0.0.1} that keeps every request body as
 * it arrived (decompressed), so that a test can search the exported bytes themselves,
 * not only the spans read from them.
 */
final class RecordingOtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

	private RecordingOtlpReceiver(HttpServer server) {
		this.server = server;
	}

	static RecordingOtlpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
			RecordingOtlpReceiver receiver = new RecordingOtlpReceiver(server);
			server.createContext("/v1/traces", receiver::receive);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			body.transferTo(bytes);
			this.bodies.add(bytes.toByteArray());
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	/**
	 * Whether any exported byte sequence contains the text (UTF-8).
	 * @param text what to look for
	 * @return whether it was received
	 */
	boolean received(String text) {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		for (byte[] body : this.bodies) {
			if (indexOf(body, needle) >= 0) {
				return true;
			}
		}
		return false;
	}

	List<Span> spans() {
		List<Span> spans = new ArrayList<>();
		for (byte[] body : this.bodies) {
			try {
				for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
					for (ScopeSpans scope : resource.getScopeSpansList()) {
						spans.addAll(scope.getSpansList());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return spans;
	}

	List<Span> awaitSpans(Predicate<List<Span>> condition) {
		return await().atMost(Duration.ofSeconds(10)).until(this::spans, condition);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
