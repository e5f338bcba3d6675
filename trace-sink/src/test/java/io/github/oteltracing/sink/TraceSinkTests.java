package io.github.oteltracing.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviour of the http sink beyond the exporter round trip: waiting, rejections, the
 * retention cap and closing.
 */
class TraceSinkTests {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private TraceSink sink;

	@BeforeEach
	void start() {
		this.sink = TraceSink.startHttp(0);
	}

	@AfterEach
	void stop() {
		this.sink.close();
	}

	@Test
	void awaitSpansFailsAfterTimeoutNamingWhatArrived() throws Exception {
		post("/v1/traces", request(1, "only-one"));
		long start = System.nanoTime();

		assertThatThrownBy(() -> this.sink.awaitSpans(2, Duration.ofMillis(200))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("at least 2")
			.hasMessageContaining("1 arrived")
			.hasMessageContaining("only-one");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

		assertThatThrownBy(() -> this.sink.awaitSpans((spans) -> spans.isEmpty(), Duration.ofMillis(50)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Condition not met")
			.hasMessageContaining("only-one");
	}

	@Test
	void awaitSpansWakesUpWhenSpansArrive() throws Exception {
		CompletableFuture<List<ReceivedSpan>> waiting = CompletableFuture.supplyAsync(() -> this.sink
			.awaitSpans((spans) -> spans.stream().anyMatch((span) -> span.name().equals("late")), Duration.ofSeconds(5)));

		post("/v1/traces", request(1, "early"));
		post("/v1/traces", request(1, "late"));

		assertThat(waiting.get(5, TimeUnit.SECONDS)).extracting(ReceivedSpan::name).containsExactly("early", "late");
	}

	@Test
	void acceptsAnyPathEndingWithV1TracesAndUncompressedBodies() throws Exception {
		HttpResponse<byte[]> response = post("/otlp/v1/traces", request(3, "span"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/x-protobuf");
		assertThat(response.body()).isEmpty();
		assertThat(this.sink.spans()).hasSize(3);
		assertThat(this.sink.requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/otlp/v1/traces");
			assertThat(request.contentEncoding()).isNull();
			assertThat(request.spanCount()).isEqualTo(3);
			assertThat(request.bodySize()).isEqualTo(request(3, "span").getSerializedSize());
			assertThat(request.messageSize()).isEqualTo(request.bodySize());
		});
	}

	@Test
	void recordsTheSizeOfACompressedBodyAndOfItsMessage() throws Exception {
		byte[] message = request(50, "span").toByteArray();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write(message);
		}

		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/v1/traces"))
			.header("Content-Type", "application/x-protobuf")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray())));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.sink.requests()).singleElement().satisfies((request) -> {
			assertThat(request.bodySize()).isEqualTo(compressed.size());
			assertThat(request.messageSize()).isEqualTo(message.length);
		});
	}

	@Test
	void rejectsOtherPathsMethodsContentTypesAndBrokenBodies() throws Exception {
		byte[] body = request(1, "span").toByteArray();
		assertThat(post("/v1/metrics", body).statusCode()).isEqualTo(404);
		assertThat(send(HttpRequest.newBuilder(uri("/v1/traces")).GET()).statusCode()).isEqualTo(405);
		assertThat(send(HttpRequest.newBuilder(uri("/v1/traces"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(415);
		assertThat(send(HttpRequest.newBuilder(uri("/v1/traces"))
			.header("Content-Type", "application/x-protobuf")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(400);
		assertThat(post("/v1/traces", new byte[] { (byte) 0xff, 0x01 }).statusCode()).isEqualTo(400);
		assertThat(this.sink.spans()).isEmpty();
		assertThat(this.sink.requests()).isEmpty();
	}

	@Test
	void keepsOnlyTheMostRecentSpans() throws Exception {
		int extra = 10;

		post("/v1/traces", request(TraceSink.MAX_SPANS + extra, "s"));

		List<ReceivedSpan> spans = this.sink.spans();
		assertThat(spans).hasSize(TraceSink.MAX_SPANS);
		assertThat(spans.get(0).name()).isEqualTo("s" + extra);
		assertThat(spans.get(spans.size() - 1).name()).isEqualTo("s" + (TraceSink.MAX_SPANS + extra - 1));
		assertThat(this.sink.requests()).singleElement()
			.satisfies((request) -> assertThat(request.spanCount()).isEqualTo(TraceSink.MAX_SPANS + extra));
	}

	@Test
	void closeStopsTheHttpServerPromptly() {
		long start = System.nanoTime();
		this.sink.close();
		this.sink.close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> post("/v1/traces", request(1, "x")));
	}

	@Test
	void closeStopsTheGrpcServerPromptly() throws Exception {
		TraceSink grpc = TraceSink.startGrpc(0);
		int port = grpc.port();
		long start = System.nanoTime();
		grpc.close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket("127.0.0.1", port).close());
	}

	private HttpResponse<byte[]> post(String path, ExportTraceServiceRequest request)
			throws IOException, InterruptedException {
		return post(path, request.toByteArray());
	}

	private HttpResponse<byte[]> post(String path, byte[] body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-protobuf")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create(this.sink.endpoint() + path);
	}

	private static ExportTraceServiceRequest request(int count, String namePrefix) {
		ScopeSpans.Builder scopeSpans = ScopeSpans.newBuilder();
		ByteString traceId = ByteString.copyFrom(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
		for (int i = 0; i < count; i++) {
			String name = (count == 1) ? namePrefix : namePrefix + i;
			scopeSpans.addSpans(Span.newBuilder()
				.setName(name)
				.setTraceId(traceId)
				.setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(i + 1).array())));
		}
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scopeSpans))
			.build();
	}

}
