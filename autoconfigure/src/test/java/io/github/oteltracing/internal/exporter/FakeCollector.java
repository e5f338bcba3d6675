package io.github.oteltracing.internal.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.oteltracing.sink.TraceSink;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;

/**
 * A collector on {@code 127.0.0.1} whose behaviour a test switches while an application
 * exports to it: accepting (spans go on to a {@link TraceSink}), refusing connections,
 * accepting and never answering, answering "unavailable" (HTTP 503, gRPC
 * {@code UNAVAILABLE}) or "bad request" (HTTP 400, gRPC {@code INVALID_ARGUMENT}). The
 * port stays the same throughout, so the application never needs to be told anything.
 * Given a server certificate, it listens over TLS.
 */
abstract class FakeCollector implements AutoCloseable {

	enum Behaviour {

		ACCEPT, REFUSE, HANG, UNAVAILABLE, BAD_REQUEST

	}

	private static final String LOOPBACK = "127.0.0.1";

	protected final TraceSink sink;

	protected final AtomicInteger answered = new AtomicInteger();

	protected final int port;

	// The server's certificate and key, or null for plain text.
	protected final KeyManagerFactory tls;

	private volatile Behaviour behaviour = Behaviour.ACCEPT;

	// Released when the behaviour changes, so that hung requests end.
	private volatile CountDownLatch hangRelease = new CountDownLatch(1);

	private boolean listening;

	FakeCollector(TraceSink sink, int port, KeyManagerFactory tls) {
		this.sink = sink;
		this.port = port;
		this.tls = tls;
	}

	static FakeCollector http() {
		return http(null);
	}

	static FakeCollector http(KeyManagerFactory tls) {
		return new Http(TraceSink.startHttp(0), freePort(), tls);
	}

	static FakeCollector grpc() {
		return grpc(null);
	}

	static FakeCollector grpc(KeyManagerFactory tls) {
		return new Grpc(TraceSink.startGrpc(0), freePort(), tls);
	}

	String endpoint() {
		return ((this.tls != null) ? "https://" : "http://") + LOOPBACK + ":" + this.port;
	}

	TraceSink sink() {
		return this.sink;
	}

	/**
	 * Returns how many export requests were answered with an error status so far.
	 */
	int errorAnswers() {
		return this.answered.get();
	}

	synchronized FakeCollector behave(Behaviour next) {
		Behaviour previous = this.behaviour;
		this.behaviour = next;
		if (previous == Behaviour.HANG) {
			this.hangRelease.countDown();
			this.hangRelease = new CountDownLatch(1);
		}
		if (next == Behaviour.REFUSE && this.listening) {
			stopListening();
			this.listening = false;
		}
		else if (next != Behaviour.REFUSE && !this.listening) {
			startListening();
			this.listening = true;
		}
		return this;
	}

	protected Behaviour behaviour() {
		return this.behaviour;
	}

	protected void hang() {
		try {
			this.hangRelease.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	protected abstract void startListening();

	protected abstract void stopListening();

	@Override
	public synchronized void close() {
		this.hangRelease.countDown();
		if (this.listening) {
			stopListening();
			this.listening = false;
		}
		this.sink.close();
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * OTLP http/protobuf: accepted requests are passed on to the sink as they came.
	 */
	private static final class Http extends FakeCollector {

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private HttpServer server;

		private ExecutorService executor;

		Http(TraceSink sink, int port, KeyManagerFactory tls) {
			super(sink, port, tls);
			behave(Behaviour.ACCEPT);
		}

		@Override
		protected void startListening() {
			try {
				InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(LOOPBACK), this.port);
				if (this.tls != null) {
					HttpsServer https = HttpsServer.create(address, 50);
					https.setHttpsConfigurator(new HttpsConfigurator(sslContext(this.tls)));
					this.server = https;
				}
				else {
					this.server = HttpServer.create(address, 50);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Hung requests each hold a thread.
			this.executor = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "fake-collector-http");
				thread.setDaemon(true);
				return thread;
			});
			this.server.setExecutor(this.executor);
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		@Override
		protected void stopListening() {
			this.server.stop(0);
			this.executor.shutdownNow();
		}

		private static SSLContext sslContext(KeyManagerFactory tls) {
			try {
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(tls.getKeyManagers(), null, null);
				return context;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				byte[] body = exchange.getRequestBody().readAllBytes();
				switch (behaviour()) {
					case HANG -> hang();
					case UNAVAILABLE -> answer(exchange, 503);
					case BAD_REQUEST -> answer(exchange, 400);
					default -> forward(exchange, body);
				}
			}
		}

		private void answer(HttpExchange exchange, int status) throws IOException {
			this.answered.incrementAndGet();
			exchange.sendResponseHeaders(status, -1);
		}

		private void forward(HttpExchange exchange, byte[] body) throws IOException {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.sink.endpoint() + exchange.getRequestURI().getPath()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			for (String name : List.of("Content-Type", "Content-Encoding")) {
				String value = exchange.getRequestHeaders().getFirst(name);
				if (value != null) {
					request.header(name, value);
				}
			}
			try {
				HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
				exchange.sendResponseHeaders(response.statusCode(), response.body().length);
				exchange.getResponseBody().write(response.body());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(500, -1);
			}
		}

	}

	/**
	 * OTLP gRPC: accepted requests are passed on to the sink over gRPC.
	 */
	private static final class Grpc extends FakeCollector {

		private final ManagedChannel channel;

		private final TraceServiceGrpc.TraceServiceBlockingStub forward;

		private Server server;

		Grpc(TraceSink sink, int port, KeyManagerFactory tls) {
			super(sink, port, tls);
			this.channel = NettyChannelBuilder.forAddress(LOOPBACK, sink.port()).usePlaintext().build();
			this.forward = TraceServiceGrpc.newBlockingStub(this.channel);
			behave(Behaviour.ACCEPT);
		}

		@Override
		protected void startListening() {
			TraceServiceGrpc.TraceServiceImplBase service = new TraceServiceGrpc.TraceServiceImplBase() {

				@Override
				public void export(ExportTraceServiceRequest request,
						StreamObserver<ExportTraceServiceResponse> response) {
					switch (behaviour()) {
						case HANG -> {
							hang();
							response.onError(Status.UNAVAILABLE.asRuntimeException());
						}
						case UNAVAILABLE -> {
							Grpc.this.answered.incrementAndGet();
							response.onError(Status.UNAVAILABLE.withDescription("collector restarting").asRuntimeException());
						}
						case BAD_REQUEST -> {
							Grpc.this.answered.incrementAndGet();
							response.onError(Status.INVALID_ARGUMENT.withDescription("bad spans").asRuntimeException());
						}
						default -> {
							response.onNext(Grpc.this.forward.export(request));
							response.onCompleted();
						}
					}
				}

			};
			NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(LOOPBACK, this.port))
				.addService(service);
			try {
				if (this.tls != null) {
					builder.sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(this.tls)).build());
				}
				this.server = builder.build().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		protected void stopListening() {
			this.server.shutdownNow();
			try {
				this.server.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public synchronized void close() {
			super.close();
			this.channel.shutdownNow();
		}

	}

}
