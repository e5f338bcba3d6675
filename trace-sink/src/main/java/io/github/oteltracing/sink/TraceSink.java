package io.github.oteltracing.sink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A small OTLP trace receiver listening on {@code 127.0.0.1} that keeps the spans it
 * receives in memory, for tests and demos.
 *
 * <p>Start one with {@link #startHttp(int)} (OTLP http/protobuf, {@code POST .../v1/traces})
 * or {@link #startGrpc(int)} (OTLP gRPC, {@code TraceService/Export}), point an exporter at
 * {@link #endpoint()}, then read {@link #spans()} or wait with
 * {@link #awaitSpans(int, Duration)}. Both transports accept gzip-compressed requests.
 * Every request is answered with success; JSON-encoded OTLP is not supported.
 *
 * <pre>{@code
 * try (TraceSink sink = TraceSink.startHttp(0)) {
 *     // export to sink.endpoint() + "/v1/traces"
 *     List<ReceivedSpan> spans = sink.awaitSpans(2, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>So that a long-running demo cannot exhaust memory, only the most recent
 * {@value #MAX_SPANS} spans and {@value #MAX_REQUESTS} requests are kept; older ones are
 * discarded first.
 *
 * <p>Instances are thread-safe: spans arrive on server threads while callers read.
 */
public final class TraceSink implements AutoCloseable {

	/**
	 * How many received spans are kept at most; older spans are discarded first.
	 */
	public static final int MAX_SPANS = 100_000;

	/**
	 * How many {@link ExportRequest export requests} are kept at most; older ones are
	 * discarded first.
	 */
	public static final int MAX_REQUESTS = 10_000;

	private static final String TRACES_PATH = "/v1/traces";

	private static final String PROTOBUF = "application/x-protobuf";

	private static final String LOOPBACK = "127.0.0.1";

	// Larger than gRPC's 4 MiB default: a demo exporter may send big batches.
	private static final int MAX_GRPC_MESSAGE_BYTES = 64 * 1024 * 1024;

	private static final Duration GRPC_TERMINATION_TIMEOUT = Duration.ofSeconds(5);

	private static final int MAX_NAMES_IN_MESSAGE = 30;

	private final Lock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final Deque<ReceivedSpan> spans = new ArrayDeque<>();

	private final Deque<ExportRequest> requests = new ArrayDeque<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Consumer<ReceivedSpan> listener;

	private final String protocol;

	// Incremented on every change so waiters can tell a real change from a spurious wakeup.
	private long version;

	private int port;

	private Runnable stopper;

	private TraceSink(String protocol, Consumer<ReceivedSpan> listener) {
		this.protocol = protocol;
		this.listener = listener;
	}

	/**
	 * Starts a sink receiving OTLP http/protobuf on {@code 127.0.0.1}. It accepts
	 * {@code POST} requests to any path ending with {@code /v1/traces} whose body is an
	 * {@code ExportTraceServiceRequest}, optionally with {@code Content-Encoding: gzip},
	 * and answers {@code 200} with an empty {@code ExportTraceServiceResponse}.
	 * @param port the port to listen on, {@code 0} for an ephemeral port
	 * @return the started sink
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public static TraceSink startHttp(int port) {
		return startHttp(port, (span) -> {
		});
	}

	/**
	 * Starts a sink receiving OTLP gRPC ({@code TraceService/Export}) on
	 * {@code 127.0.0.1}. Gzip-compressed messages are accepted; the request metadata is
	 * recorded as the {@link ExportRequest#headers() headers} of each request.
	 * @param port the port to listen on, {@code 0} for an ephemeral port
	 * @return the started sink
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public static TraceSink startGrpc(int port) {
		TraceSink sink = new TraceSink("grpc", (span) -> {
		});
		Context.Key<ExportCall> callKey = Context.key("trace-sink-call");
		ServerInterceptor recordMetadata = new ServerInterceptor() {

			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
					ServerCallHandler<Q, R> next) {
				Map<String, String> headers = toMap(metadata);
				ExportCall exportCall = new ExportCall("/" + call.getMethodDescriptor().getFullMethodName(), headers,
						headers.get("grpc-encoding"));
				return Contexts.interceptCall(Context.current().withValue(callKey, exportCall), call, metadata, next);
			}

		};
		TraceServiceGrpc.TraceServiceImplBase service = new TraceServiceGrpc.TraceServiceImplBase() {

			@Override
			public void export(ExportTraceServiceRequest request,
					StreamObserver<ExportTraceServiceResponse> responseObserver) {
				ExportCall call = callKey.get();
				int messageSize = request.getSerializedSize();
				boolean compressed = call.contentEncoding() != null && !"identity".equals(call.contentEncoding());
				sink.record(call.path(), call.headers(), call.contentEncoding(), request, compressed ? -1 : messageSize,
						messageSize);
				responseObserver.onNext(ExportTraceServiceResponse.getDefaultInstance());
				responseObserver.onCompleted();
			}

		};
		Server server = NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, port))
			.addService(ServerInterceptors.intercept(service, recordMetadata))
			.maxInboundMessageSize(MAX_GRPC_MESSAGE_BYTES)
			.build();
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the OTLP gRPC trace sink on " + LOOPBACK + ":" + port, ex);
		}
		sink.port = server.getPort();
		sink.stopper = () -> {
			server.shutdownNow();
			try {
				server.awaitTermination(GRPC_TERMINATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		return sink;
	}

	private static TraceSink startHttp(int port, Consumer<ReceivedSpan> listener) {
		TraceSink sink = new TraceSink("http", listener);
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the OTLP http trace sink on " + LOOPBACK + ":" + port, ex);
		}
		ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads("trace-sink-http-"));
		server.setExecutor(executor);
		server.createContext("/", sink::handle);
		server.start();
		sink.port = server.getAddress().getPort();
		sink.stopper = () -> {
			server.stop(0);
			executor.shutdownNow();
		};
		return sink;
	}

	/**
	 * Returns the port the sink listens on.
	 * @return the bound port, never {@code 0}
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the base URL of the sink, to configure an exporter with. An http/protobuf
	 * exporter usually needs {@code /v1/traces} appended.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String endpoint() {
		return "http://" + LOOPBACK + ":" + this.port;
	}

	/**
	 * Returns the spans received so far.
	 * @return an immutable snapshot, in arrival order
	 */
	public List<ReceivedSpan> spans() {
		this.lock.lock();
		try {
			return List.copyOf(this.spans);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until at least the given number of spans has arrived.
	 * @param atLeast the number of spans to wait for
	 * @param timeout how long to wait at most
	 * @return an immutable snapshot of all spans received, in arrival order
	 * @throws AssertionError if fewer spans arrived within the timeout; the message tells
	 * how many arrived and their names
	 */
	public List<ReceivedSpan> awaitSpans(int atLeast, Duration timeout) {
		return await((received) -> received.size() >= atLeast, timeout, (received) -> "Expected at least " + atLeast
				+ " span(s) within " + timeout + " but " + received.size() + " arrived" + names(received));
	}

	/**
	 * Waits until the spans received so far satisfy a condition. The condition is tested
	 * once immediately and again after every change, outside the sink's lock.
	 * @param condition the condition over a snapshot of all received spans
	 * @param timeout how long to wait at most
	 * @return the first snapshot that satisfied the condition
	 * @throws AssertionError if the condition was not met within the timeout; the message
	 * tells how many spans arrived and their names
	 */
	public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> condition, Duration timeout) {
		Objects.requireNonNull(condition, "condition");
		return await(condition, timeout, (received) -> "Condition not met within " + timeout + "; "
				+ received.size() + " span(s) arrived" + names(received));
	}

	/**
	 * Returns the export requests received so far.
	 * @return an immutable snapshot, one per export call, in arrival order
	 */
	public List<ExportRequest> requests() {
		this.lock.lock();
		try {
			return List.copyOf(this.requests);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets all spans and requests received so far.
	 */
	public void clear() {
		this.lock.lock();
		try {
			this.spans.clear();
			this.requests.clear();
			this.version++;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stops the server without waiting for calls in progress. Received spans remain
	 * readable. Calling it again has no effect.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.stopper.run();
		}
	}

	@Override
	public String toString() {
		return "TraceSink[" + this.protocol + " " + endpoint() + "]";
	}

	/**
	 * Runs an http/protobuf sink until the process is killed, printing one line per
	 * received span.
	 * @param args {@code --port N} to listen on port {@code N}; defaults to {@code 4318}
	 * @throws InterruptedException if interrupted while running
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = 4318;
		for (int i = 0; i < args.length; i++) {
			if ("--port".equals(args[i]) && i + 1 < args.length) {
				port = Integer.parseInt(args[++i]);
			}
			else {
				System.err.println("Usage: TraceSink [--port N]");
				System.exit(2);
			}
		}
		TraceSink sink = startHttp(port, System.out::println);
		Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "trace-sink-shutdown"));
		System.out.println("Receiving OTLP http/protobuf on " + sink.endpoint() + TRACES_PATH);
		new CountDownLatch(1).await();
	}

	private List<ReceivedSpan> await(Predicate<List<ReceivedSpan>> condition, Duration timeout,
			Function<List<ReceivedSpan>, String> failureMessage) {
		long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
		while (true) {
			List<ReceivedSpan> snapshot;
			long seen;
			this.lock.lock();
			try {
				snapshot = List.copyOf(this.spans);
				seen = this.version;
			}
			finally {
				this.lock.unlock();
			}
			if (condition.test(snapshot)) {
				return snapshot;
			}
			this.lock.lock();
			try {
				while (this.version == seen) {
					long remaining = deadline - System.nanoTime();
					if (remaining <= 0) {
						throw new AssertionError(failureMessage.apply(snapshot));
					}
					this.changed.awaitNanos(remaining);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting. " + failureMessage.apply(snapshot), ex);
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private static String names(List<ReceivedSpan> received) {
		if (received.isEmpty()) {
			return "";
		}
		StringJoiner joiner = new StringJoiner(", ", ": [", "]");
		received.stream().limit(MAX_NAMES_IN_MESSAGE).forEach((span) -> joiner.add(span.name()));
		if (received.size() > MAX_NAMES_IN_MESSAGE) {
			joiner.add("... " + (received.size() - MAX_NAMES_IN_MESSAGE) + " more");
		}
		return joiner.toString();
	}

	private void record(String path, Map<String, String> headers, String contentEncoding,
			ExportTraceServiceRequest request, int bodySize, int messageSize) {
		List<ReceivedSpan> received = new ArrayList<>();
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				for (Span span : scopeSpans.getSpansList()) {
					received.add(new ReceivedSpan(resourceSpans.getResource(), scopeSpans.getScope(), span));
				}
			}
		}
		this.lock.lock();
		try {
			this.requests.addLast(new ExportRequest(path, headers, contentEncoding, received.size(), bodySize,
					messageSize));
			while (this.requests.size() > MAX_REQUESTS) {
				this.requests.removeFirst();
			}
			this.spans.addAll(received);
			while (this.spans.size() > MAX_SPANS) {
				this.spans.removeFirst();
			}
			this.version++;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		received.forEach(this.listener);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			if (path == null || !path.endsWith(TRACES_PATH)) {
				respond(exchange, 404, "Only " + TRACES_PATH + " is served");
				return;
			}
			if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				respond(exchange, 405, "Use POST");
				return;
			}
			Map<String, String> headers = toMap(exchange.getRequestHeaders());
			String contentType = headers.get("content-type");
			if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
				respond(exchange, 415, "Only " + PROTOBUF + " is supported");
				return;
			}
			String contentEncoding = headers.get("content-encoding");
			boolean gzip = "gzip".equalsIgnoreCase(contentEncoding);
			if (contentEncoding != null && !gzip && !"identity".equalsIgnoreCase(contentEncoding)) {
				respond(exchange, 415, "Unsupported Content-Encoding: " + contentEncoding);
				return;
			}
			ExportTraceServiceRequest request;
			byte[] body;
			byte[] message;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
				message = gzip ? gunzip(body) : body;
				request = ExportTraceServiceRequest.parseFrom(message);
			}
			catch (InvalidProtocolBufferException ex) {
				respond(exchange, 400, "Invalid ExportTraceServiceRequest: " + ex.getMessage());
				return;
			}
			catch (IOException ex) {
				respond(exchange, 400, "Unreadable request body: " + ex.getMessage());
				return;
			}
			record(path, headers, contentEncoding, request, body.length, message.length);
			respond(exchange, 200, PROTOBUF, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, String.valueOf(ex));
		}
		finally {
			exchange.close();
		}
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	private static void respond(HttpExchange exchange, int status, String message) throws IOException {
		respond(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
	}

	private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		// -1 announces an empty body (Content-Length: 0) rather than a chunked one.
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static Map<String, String> toMap(Headers headers) {
		Map<String, String> map = new LinkedHashMap<>();
		headers.forEach((name, values) -> map.merge(name.toLowerCase(Locale.ROOT), String.join(", ", values),
				(first, second) -> first + ", " + second));
		return map;
	}

	private static Map<String, String> toMap(Metadata metadata) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String name : metadata.keys()) {
			List<String> values = new ArrayList<>();
			if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
				Iterable<byte[]> all = metadata.getAll(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER));
				if (all != null) {
					all.forEach((value) -> values.add(Base64.getEncoder().encodeToString(value)));
				}
			}
			else {
				Iterable<String> all = metadata.getAll(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
				if (all != null) {
					all.forEach(values::add);
				}
			}
			map.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
		}
		return map;
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private record ExportCall(String path, Map<String, String> headers, String contentEncoding) {
	}

}
