package io.github.oteltracing.internal.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.oteltracing.internal.exporter.FakeCollector.Behaviour;
import io.github.oteltracing.sink.ReceivedSpan;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real application on a loopback port exports to a {@link FakeCollector} that fails in
 * each of the ways a collector fails, one test each: every request still succeeds without
 * waiting for the export, the queue never grows beyond its size, what is lost is counted,
 * the failure is logged once a minute at most (never with the headers), the application
 * stays healthy, and once the collector is back new spans arrive without a restart.
 *
 * <p>Small queue, short delay and short timeouts keep each case to a few seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportFaultTests {

	static final int MAX_QUEUE_SIZE = 16;

	static final Duration OTLP_TIMEOUT = Duration.ofSeconds(1);

	// Longer than an export can take (its timeout plus one retry back-off), as in production.
	static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(5);

	static final int REQUESTS = 150;

	static final String API_KEY = "s3cr3t-api-key-value";

	private static final Pattern FAILURE_LINE = Pattern.compile("Spans could not be exported to (\\S+): ");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService callers = Executors.newFixedThreadPool(4);

	private FakeCollector collector;

	private ConfigurableApplicationContext app;

	private Path logFile;

	private long startedNanos;

	abstract FakeCollector createCollector();

	abstract String protocol();

	@BeforeAll
	void startApplication(@TempDir Path logs) {
		this.collector = createCollector();
		this.logFile = logs.resolve("app.log");
		this.app = ExportTestApp.start("tracing.exporter.otlp.protocol=" + protocol(),
				"tracing.exporter.otlp.endpoint=" + this.collector.endpoint(),
				"tracing.exporter.otlp.headers.x-api-key=" + API_KEY,
				"tracing.exporter.otlp.timeout=" + OTLP_TIMEOUT.toMillis() + "ms",
				"tracing.exporter.batch.max-queue-size=" + MAX_QUEUE_SIZE,
				"tracing.exporter.batch.max-export-batch-size=8", "tracing.exporter.batch.schedule-delay=20ms",
				"tracing.exporter.batch.export-timeout=" + EXPORT_TIMEOUT.toMillis() + "ms",
				"management.endpoint.health.show-details=always", "logging.file.name=" + this.logFile);
		this.startedNanos = System.nanoTime();
		// Warmed up, so that the latencies measured are not those of the first requests.
		send("warm-up-", 100);
		print("ACCEPT (baseline)", send("baseline-", REQUESTS), "");
	}

	@AfterAll
	void stopApplication() {
		this.callers.shutdownNow();
		if (this.app != null) {
			this.app.close();
		}
		if (this.collector != null) {
			this.collector.close();
		}
	}

	@Test
	void connectionRefused() {
		survives(Behaviour.REFUSE);
	}

	@Test
	void collectorAcceptsButNeverAnswers() {
		survives(Behaviour.HANG);
	}

	@Test
	void collectorUnavailableForAWhile() {
		survives(Behaviour.UNAVAILABLE);
	}

	@Test
	void collectorRejectsTheSpans() {
		survives(Behaviour.BAD_REQUEST);
	}

	private void survives(Behaviour fault) {
		MeterRegistry meters = this.app.getBean(MeterRegistry.class);
		SpanExportMonitor monitor = this.app.getBean(SpanExportMonitor.class);
		long failuresBefore = monitor.exportFailures();
		long droppedBefore = dropped(meters);
		this.collector.behave(fault);

		QueueWatch queue = QueueWatch.start(meters);
		List<Long> latencies = send(fault.name().toLowerCase() + "-", REQUESTS);
		await().atMost(Duration.ofSeconds(15)).until(() -> monitor.exportFailures() > failuresBefore);
		await().atMost(Duration.ofSeconds(5)).until(() -> dropped(meters) > droppedBefore);
		long largestQueue = queue.stop();

		// Requests never wait for the export: all succeed, and the median is under the OTLP
		// timeout, which a request waiting for a hanging collector would take in full. The
		// median, not a tail, so that a loaded machine's stalls are not taken for waiting.
		long[] percentiles = print(fault.name(), latencies, String.format("; largest queue %d of %d; %d spans dropped,"
				+ " %d failed exports", largestQueue, MAX_QUEUE_SIZE, dropped(meters) - droppedBefore,
				monitor.exportFailures() - failuresBefore));
		assertThat(latencies).hasSize(REQUESTS);
		assertThat(Duration.ofMillis(percentiles[0])).isLessThan(OTLP_TIMEOUT);

		// Memory is bounded by the queue: what does not fit is dropped and counted.
		assertThat(largestQueue).isLessThanOrEqualTo(MAX_QUEUE_SIZE);
		assertThat(meters.get("tracing.export.failures").functionCounter().count()).isPositive();

		// The application stays healthy; the details tell what happens.
		assertThat(healthStatusOverHttp()).isEqualTo(200);
		var health = this.app.getBean("tracingHealthIndicator", HealthIndicator.class).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("endpoint", expectedEndpoint()).containsKey("lastFailure");

		// Collector back: exports succeed again, then new spans arrive, without a restart.
		Instant recovery = Instant.now();
		this.collector.behave(Behaviour.ACCEPT);
		AtomicLong probes = new AtomicLong();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
			send("probe-" + probes.incrementAndGet() + "-", 1);
			SpanExportStatus status = monitor.status();
			return status.lastSuccess() != null && status.lastSuccess().isAfter(recovery) && status.queueSize() == 0;
		});
		String marker = "after-" + fault.name().toLowerCase() + "-";
		for (int i = 0; i < 5; i++) {
			send(marker + i + "-", 1);
		}
		long expected = 5L * (ExportTestApp.SPANS_PER_REQUEST - 1);
		try {
			this.collector.sink()
				.awaitSpans((spans) -> markers(spans, marker).size() >= expected, Duration.ofSeconds(10));
		}
		catch (AssertionError ex) {
			throw new AssertionError("Expected " + expected + " spans of " + marker + "*, got "
					+ markers(this.collector.sink().spans(), marker) + "; " + monitor.status() + threads(), ex);
		}
		assertThat(this.app.getBean("tracingHealthIndicator", HealthIndicator.class).health().getDetails()).containsEntry("state",
				"ok");

		assertLog();
	}

	// Failures reported at most once a minute, with the endpoint, never with the headers;
	// the exporters' own per-batch lines are silenced.
	private void assertLog() {
		String log = readLog();
		List<String> reported = new ArrayList<>();
		Matcher matcher = FAILURE_LINE.matcher(log);
		while (matcher.find()) {
			reported.add(matcher.group(1));
		}
		long minutes = Duration.ofNanos(System.nanoTime() - this.startedNanos).toMinutes();
		assertThat(reported).isNotEmpty().hasSizeLessThanOrEqualTo(1 + (int) minutes);
		assertThat(reported).allMatch((endpoint) -> endpoint.startsWith(expectedEndpoint()));
		assertThat(log).doesNotContain(API_KEY).doesNotContain("Failed to export spans");
	}

	private String expectedEndpoint() {
		return this.collector.endpoint() + ("grpc".equals(protocol()) ? "" : "/v1/traces");
	}

	private String readLog() {
		try {
			return Files.exists(this.logFile) ? Files.readString(this.logFile) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Long> send(String prefix, int count) {
		String base = "http://127.0.0.1:" + ExportTestApp.port(this.app) + "/work/";
		List<Future<Long>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = prefix + i;
			calls.add(this.callers.submit(() -> {
				long start = System.nanoTime();
				HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(base + id)).build(),
						HttpResponse.BodyHandlers.ofString());
				long elapsed = System.nanoTime() - start;
				assertThat(response.statusCode()).as("status of %s", id).isEqualTo(200);
				assertThat(response.body()).isEqualTo("checked-" + id + ",stored-" + id);
				return elapsed;
			}));
		}
		List<Long> latencies = new ArrayList<>();
		for (Future<Long> call : calls) {
			try {
				latencies.add(call.get());
			}
			catch (Exception ex) {
				throw new AssertionError("A request failed", ex);
			}
		}
		return latencies;
	}

	private int healthStatusOverHttp() {
		try {
			URI uri = URI.create("http://127.0.0.1:" + ExportTestApp.port(this.app) + "/actuator/health");
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"tracing\"");
			return response.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// Prints and returns p50, p99 and max in milliseconds.
	private long[] print(String what, List<Long> latencies, String more) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		long[] percentiles = { sorted.get(sorted.size() / 2) / 1_000_000,
				sorted.get(sorted.size() * 99 / 100) / 1_000_000, sorted.get(sorted.size() - 1) / 1_000_000 };
		System.out.printf("%s %s: %d requests, latency p50 %d ms, p99 %d ms, max %d ms%s%n", protocol(), what,
				sorted.size(), percentiles[0], percentiles[1], percentiles[2], more);
		return percentiles;
	}

	private static String threads() {
		StringBuilder dump = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().contains("BatchSpan") || thread.getName().contains("OkHttp")) {
				dump.append("\n").append(thread.getName()).append(" ").append(thread.getState());
				for (StackTraceElement element : stack) {
					dump.append("\n\t").append(element);
				}
			}
		});
		return dump.toString();
	}

	private static List<String> markers(List<ReceivedSpan> spans, String marker) {
		return spans.stream()
			.filter((span) -> String.valueOf(span.attribute("work.id")).startsWith(marker))
			.map((span) -> span.attribute("work.id") + "/" + span.name())
			.toList();
	}

	private static long dropped(MeterRegistry meters) {
		return (long) meters.get("tracing.spans.dropped")
			.functionCounters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	/**
	 * Samples the queue-size gauge while requests run.
	 */
	private static final class QueueWatch {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong largest = new AtomicLong();

		private final Thread thread;

		private QueueWatch(MeterRegistry meters) {
			this.thread = new Thread(() -> {
				while (this.running.get()) {
					long size = (long) meters.get("tracing.export.queue.size").gauge().value();
					this.largest.accumulateAndGet(size, Math::max);
					Thread.onSpinWait();
				}
			}, "queue-watch");
			this.thread.setDaemon(true);
		}

		static QueueWatch start(MeterRegistry meters) {
			QueueWatch watch = new QueueWatch(meters);
			watch.thread.start();
			return watch;
		}

		long stop() {
			this.running.set(false);
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.largest.get();
		}

	}

}
