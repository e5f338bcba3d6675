package io.github.oteltracing.aot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.semconv.DbAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The application as {@code spring-boot:process-aot} left it, run on the JVM from the
 * generated code ({@code -Dspring.aot.enabled=true}) in a JVM of its own: the same spans
 * as a normal run reach a real OTLP receiver, and {@code tracing.enabled=false} given at
 * run time still switches tracing off.
 */
class ProcessedApplicationIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TraceSink sink;

	@BeforeAll
	static void startSink() {
		sink = TraceSink.startHttp(0);
	}

	@AfterAll
	static void stopSink() {
		sink.close();
	}

	@BeforeEach
	void clearSink() {
		sink.clear();
	}

	@Test
	void generatedCodeIsThere() {
		assertThat(ClassUtils.isPresent(AotShopApplication.class.getName() + "__ApplicationContextInitializer",
				getClass().getClassLoader())).isTrue();
	}

	@Test
	void processedApplicationSendsTheSpansOfANormalRun() throws Exception {
		try (Application app = Application.start()) {
			assertThat(app.get("/orders/42")).isEqualTo("5@9.99/5");
			List<ReceivedSpan> spans = sink.awaitSpans(10, WAIT);
			ReceivedSpan server = only(spans, SpanKind.SPAN_KIND_SERVER, "GET /orders/{id}");
			ReceivedSpan reserve = only(spans, SpanKind.SPAN_KIND_INTERNAL, "reserve-stock");
			ReceivedSpan confirmation = only(spans, SpanKind.SPAN_KIND_INTERNAL, "send-confirmation");
			assertThat(server.parentSpanId()).isEmpty();
			assertThat(server.serviceName()).isEqualTo("aot-shop");
			assertThat(reserve.parentSpanId()).isEqualTo(server.spanId());
			assertThat(reserve.attribute("order.id")).isEqualTo("42");
			assertThat(confirmation.parentSpanId()).as("@Async carries the context").isEqualTo(server.spanId());
			assertThat(confirmation.attribute("order.id")).isEqualTo("42");
			ReceivedSpan sql = only(spans, SpanKind.SPAN_KIND_CLIENT, "SELECT");
			assertThat(sql.parentSpanId()).as("the pool wrapped at run time").isEqualTo(reserve.spanId());
			assertThat(sql.attribute(DbAttributes.DB_SYSTEM_NAME.getKey())).isEqualTo("h2database");
			List<ReceivedSpan> clients = spans.stream()
				.filter((span) -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span != sql)
				.toList();
			assertThat(clients).as("RestClient, WebClient, RestTemplate in %s", spans).hasSize(3);
			for (ReceivedSpan client : clients) {
				assertThat(client.parentSpanId()).isEqualTo(reserve.spanId());
				List<ReceivedSpan> called = spans.stream()
					.filter((span) -> span.kind() == SpanKind.SPAN_KIND_SERVER
							&& span.parentSpanId().equals(client.spanId()))
					.toList();
				assertThat(called).as("server span under %s", client).hasSize(1);
			}
			assertThat(spans).as("one span per hop, no more: %s", spans).hasSize(10);
			assertThat(spans).extracting(ReceivedSpan::traceId).containsOnly(server.traceId());
			assertThat(app.output()).contains("trace_id=" + server.traceId());
		}
	}

	@Test
	void tracingSwitchedOffAtRunTimeSendsNothing() throws Exception {
		try (Application app = Application.start("--tracing.enabled=false")) {
			assertThat(app.get("/orders/43")).isEqualTo("5@9.99/5");
			Thread.sleep(500);
			assertThat(sink.spans()).isEmpty();
			assertThat(app.output()).doesNotContain("trace_id=0").doesNotContainPattern("trace_id=[0-9a-f]{32}");
		}
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, SpanKind kind, String name) {
		List<ReceivedSpan> matching = spans.stream()
			.filter((span) -> span.kind() == kind && span.name().equals(name))
			.toList();
		assertThat(matching).as("%s %s in %s", kind, name, spans).hasSize(1);
		return matching.get(0);
	}

	/**
	 * The processed application in a JVM of its own, on the test's class path (which
	 * holds the generated classes), with its output in a file.
	 */
	private static final class Application implements AutoCloseable {

		private final Process process;

		private final Path output;

		private final int port;

		private Application(Process process, Path output, int port) {
			this.process = process;
			this.output = output;
			this.port = port;
		}

		static Application start(String... args) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path output = Files.createTempFile("aot-shop-", ".log");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1", "-cp",
					System.getProperty("java.class.path"), AotShopApplication.class.getName(),
					"--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
					"--tracing.exporter.otlp.endpoint=" + sink.endpoint(),
					"--tracing.exporter.batch.schedule-delay=50ms"));
			command.addAll(List.of(args));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().keySet().removeIf((name) -> name.startsWith("OTEL_") || name.startsWith("TRACING_"));
			Application application = new Application(builder.start(), output, port);
			application.awaitStarted();
			return application;
		}

		private void awaitStarted() throws Exception {
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					fail("The application exited:\n" + output());
				}
				try {
					// Never traced (tracing.http.server.exclude-paths).
					get("/actuator/health");
					if (output().contains("Started AotShopApplication")) {
						return;
					}
				}
				catch (IOException ex) {
					// Not listening yet.
				}
				Thread.sleep(100);
			}
			fail("The application did not start within " + WAIT + ":\n" + output());
		}

		String get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}

		String output() throws IOException {
			return Files.readString(this.output);
		}

		@Override
		public void close() throws Exception {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.output);
		}

	}

}
