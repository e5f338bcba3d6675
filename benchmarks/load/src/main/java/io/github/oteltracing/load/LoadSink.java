package io.github.oteltracing.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The collector of the load runs, on {@code 127.0.0.1}: an OTLP http/protobuf receiver
 * that only counts spans per service (so that it can take hundreds of thousands without
 * growing), and a second port that accepts connections and never answers, a collector
 * that hangs.
 *
 * <pre>
 * java -jar otel-tracing-load-*-sink.jar --port 14318 --hang-port 14319
 * GET  /count   the spans received so far: "total 1234" and one line per service
 * POST /reset   forgets them
 * </pre>
 */
public final class LoadSink {

	private static final String LOOPBACK = "127.0.0.1";

	private final Map<String, LongAdder> spansByService = new ConcurrentHashMap<>();

	private final LongAdder total = new LongAdder();

	private LoadSink() {
	}

	public static void main(String[] args) throws Exception {
		int port = 14318;
		int hangPort = 14319;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[i + 1]);
				case "--hang-port" -> hangPort = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("Usage: LoadSink [--port N] [--hang-port N]");
			}
		}
		LoadSink sink = new LoadSink();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 128);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/v1/traces", sink::receive);
		server.createContext("/count", sink::count);
		server.createContext("/reset", sink::reset);
		server.start();
		startHanging(hangPort);
		System.out.println("LoadSink receiving on http://" + LOOPBACK + ":" + port + "/v1/traces, hanging on port "
				+ hangPort);
		new CountDownLatch(1).await();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
				String service = serviceName(resourceSpans);
				long spans = resourceSpans.getScopeSpansList().stream().mapToLong(ScopeSpans::getSpansCount).sum();
				this.spansByService.computeIfAbsent(service, (name) -> new LongAdder()).add(spans);
				this.total.add(spans);
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
		}
	}

	private static String serviceName(ResourceSpans resourceSpans) {
		for (KeyValue attribute : resourceSpans.getResource().getAttributesList()) {
			if (attribute.getKey().equals("service.name")) {
				return attribute.getValue().getStringValue();
			}
		}
		return "unknown";
	}

	private void count(HttpExchange exchange) throws IOException {
		StringBuilder text = new StringBuilder("total " + this.total.sum() + "\n");
		new TreeMap<>(this.spansByService).forEach((service, spans) -> text.append(service)
			.append(' ')
			.append(spans.sum())
			.append('\n'));
		send(exchange, text.toString());
	}

	private void reset(HttpExchange exchange) throws IOException {
		this.spansByService.clear();
		this.total.reset();
		send(exchange, "reset\n");
	}

	private static void send(HttpExchange exchange, String text) throws IOException {
		try (exchange) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

	// Accepts and reads, never answers: the exporter waits for its timeout every time.
	private static void startHanging(int port) throws IOException {
		ServerSocket server = new ServerSocket(port, 128, InetAddress.getByName(LOOPBACK));
		Thread acceptor = new Thread(() -> {
			while (true) {
				try {
					Socket socket = server.accept();
					Thread reader = new Thread(() -> drain(socket), "hang-" + socket.getPort());
					reader.setDaemon(true);
					reader.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "hang-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void drain(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream ignored = socket.getOutputStream()) {
			byte[] buffer = new byte[8192];
			while (in.read(buffer) >= 0) {
				// Read everything so the client never blocks on a full buffer, then wait.
			}
		}
		catch (IOException ex) {
			// The client gave up.
		}
	}

}
