package io.github.oteltracing.internal.exporter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A traced service in a process of its own is stopped with SIGTERM, as an orchestrator
 * stops it: every span that ended before the signal reaches the collector. The spans wait
 * in the queue until then (long schedule delay, batches larger than all of them), so only
 * the flush at shutdown can deliver them.
 */
class ShutdownFlushTests {

	private static final int REQUESTS = 40;

	private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();

	@Test
	void sigtermDeliversEverySpanThatEndedBefore() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			Process service = start(sink);
			try {
				int port = awaitReady(service);
				HttpClient client = HttpClient.newHttpClient();
				for (int i = 0; i < REQUESTS; i++) {
					HttpResponse<String> response = client.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work/stop-" + i)).build(),
							HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).isEqualTo(200);
				}
				assertThat(sink.spans()).as("spans exported before the signal").isEmpty();

				long signalled = System.nanoTime();
				service.destroy();
				assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
				Duration shutdown = Duration.ofNanos(System.nanoTime() - signalled);

				int expected = REQUESTS * ExportTestApp.SPANS_PER_REQUEST;
				List<ReceivedSpan> spans = sink.awaitSpans(expected, Duration.ofSeconds(5));
				System.out.printf("SIGTERM: %d of %d spans delivered, shut down in %d ms, exit code %d%n",
						spans.size(), expected, shutdown.toMillis(), service.exitValue());
				assertThat(spans).hasSize(expected);
				assertThat(spans.stream().map(ReceivedSpan::spanId).distinct()).hasSize(expected);
				assertThat(spans.stream().filter((span) -> span.name().equals("GET /work/{id}"))).hasSize(REQUESTS);
			}
			catch (AssertionError ex) {
				throw new AssertionError(ex.getMessage() + "\nService output:\n" + String.join("\n", this.output), ex);
			}
			finally {
				service.destroyForcibly();
			}
		}
	}

	private Process start(TraceSink sink) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), ExportTestApp.class.getName(),
				"--tracing.exporter.otlp.endpoint=" + sink.endpoint(), "--tracing.exporter.batch.schedule-delay=10m",
				"--tracing.exporter.batch.max-export-batch-size=512", "--tracing.exporter.batch.export-timeout=20s");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture.runAsync(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				reader.lines().forEach(this.output::add);
			}
			catch (IOException ex) {
				// The process is gone.
			}
		});
		return process;
	}

	private int awaitReady(Process service) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			for (String line : this.output) {
				if (line.startsWith("READY ")) {
					return Integer.parseInt(line.substring("READY ".length()).strip());
				}
			}
			if (!service.isAlive()) {
				break;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The service did not start:\n" + this.output.stream().collect(Collectors.joining("\n")));
	}

}
