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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;

import io.github.oteltracing.sink.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OTLP over TLS to a collector whose certificate a private CA, made for the test, signed:
 * with {@code tracing.exporter.otlp.trusted-certificates} naming that CA the spans arrive;
 * with another CA the export fails, a logged line says it is the certificate and which
 * endpoint, and the application serves on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TlsExportTests {

	private static final Pattern FAILURE_LINE = Pattern.compile("Spans could not be exported to (\\S+): ([^\\n]*)");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private FakeCollector collector;

	private Path collectorCa;

	private Path unrelatedCa;

	abstract FakeCollector createCollector(KeyManagerFactory serverCertificate);

	abstract String protocol();

	@BeforeAll
	void startCollector(@TempDir Path directory) {
		TestCertificateAuthority ca = TestCertificateAuthority.create("Test Collector CA");
		this.collector = createCollector(ca.issueLoopbackServer());
		this.collectorCa = ca.writePem(directory.resolve("collector-ca.pem"));
		this.unrelatedCa = TestCertificateAuthority.create("Unrelated CA").writePem(directory.resolve("unrelated-ca.pem"));
	}

	@AfterAll
	void stopCollector() {
		if (this.collector != null) {
			this.collector.close();
		}
	}

	@Test
	void spansArriveOverTlsWhenThePrivateCaIsTrusted(@TempDir Path logs) {
		try (ConfigurableApplicationContext app = start(this.collectorCa, logs.resolve("app.log"))) {
			assertThat(this.collector.endpoint()).startsWith("https://");
			get(app, "trusted-1");
			this.collector.sink()
				.awaitSpans((spans) -> withId(spans, "trusted-1") == ExportTestApp.SPANS_PER_REQUEST - 1,
						Duration.ofSeconds(10));
		}
	}

	@Test
	void certificateFromAnotherCaIsLoggedAsSuchAndTheApplicationServesOn(@TempDir Path logs) {
		Path log = logs.resolve("app.log");
		try (ConfigurableApplicationContext app = start(this.unrelatedCa, log)) {
			get(app, "untrusted-1");
			String line = await().atMost(Duration.ofSeconds(15))
				.until(() -> failureLine(log), (found) -> found != null);
			Matcher failure = FAILURE_LINE.matcher(line);
			assertThat(failure.find()).isTrue();
			assertThat(failure.group(1))
				.isEqualTo(this.collector.endpoint() + ("grpc".equals(protocol()) ? "" : "/v1/traces"));
			assertThat(failure.group(2)).contains("TLS")
				.contains("certificate")
				.contains("not trusted")
				.contains("tracing.exporter.otlp.trusted-certificates");
			get(app, "untrusted-2");
			assertThat(this.collector.sink().spans()).noneMatch((span) -> id(span).startsWith("untrusted-"));
		}
	}

	private ConfigurableApplicationContext start(Path trustedCa, Path logFile) {
		return ExportTestApp.start("tracing.exporter.otlp.protocol=" + protocol(),
				"tracing.exporter.otlp.endpoint=" + this.collector.endpoint(),
				"tracing.exporter.otlp.trusted-certificates=" + trustedCa,
				"tracing.exporter.otlp.timeout=10s", "tracing.exporter.batch.schedule-delay=20ms",
				"logging.file.name=" + logFile);
	}

	private void get(ConfigurableApplicationContext app, String id) {
		URI uri = URI.create("http://127.0.0.1:" + ExportTestApp.port(app) + "/work/" + id);
		try {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String failureLine(Path log) throws IOException {
		if (!Files.exists(log)) {
			return null;
		}
		Matcher matcher = FAILURE_LINE.matcher(Files.readString(log));
		return matcher.find() ? matcher.group() : null;
	}

	private static long withId(List<ReceivedSpan> spans, String id) {
		return spans.stream().filter((span) -> id.equals(id(span))).count();
	}

	private static String id(ReceivedSpan span) {
		return String.valueOf(span.attribute("work.id"));
	}

}
