package io.github.oteltracing.internal.exporter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link SpanExportMonitor} with real batch processors and exporters whose outcome the
 * test decides.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpanExportMonitorTests {

	private static final String TARGET = "http://collector:4318/v1/traces";

	private final MutableClock clock = new MutableClock();

	private final SpanExportMonitor monitor = new SpanExportMonitor(TARGET, 4, this.clock);

	private final ControlledExporter exporter = new ControlledExporter();

	@Test
	void countsExportedSpansWhenTheExportCompletes() {
		SpanExporter monitored = this.monitor.monitor(this.exporter);
		CompletableResultCode result = monitored.export(spans(3));
		assertThat(this.monitor.spansExported()).isZero();
		assertThat(this.monitor.status().state()).isEqualTo("idle");
		this.exporter.results.get(0).succeed();
		assertThat(result.isSuccess()).isTrue();
		assertThat(this.monitor.spansExported()).isEqualTo(3);
		SpanExportStatus status = this.monitor.status();
		assertThat(status.state()).isEqualTo("ok");
		assertThat(status.lastSuccess()).isEqualTo(this.clock.instant());
		assertThat(status.spansDropped()).isZero();
	}

	@Test
	void countsFailedExportsAndTheirSpans() {
		SpanExporter monitored = this.monitor.monitor(this.exporter);
		monitored.export(spans(2));
		monitored.export(spans(5));
		this.exporter.results.get(0).failExceptionally(new IOException("Connection refused"));
		this.exporter.results.get(1).fail();
		SpanExportStatus status = this.monitor.status();
		assertThat(status.exportFailures()).isEqualTo(2);
		assertThat(status.spansDroppedExportFailed()).isEqualTo(7);
		assertThat(status.consecutiveFailures()).isEqualTo(2);
		assertThat(status.state()).isEqualTo("failing");
		assertThat(status.lastFailureCause()).isEqualTo("the exporter reported a failure");
		monitored.export(spans(1));
		this.exporter.results.get(2).succeed();
		assertThat(this.monitor.status().consecutiveFailures()).isZero();
		assertThat(this.monitor.status().state()).isEqualTo("ok");
	}

	@Test
	void anExporterThatThrowsIsAFailedExportNotAnException() {
		SpanExporter monitored = this.monitor.monitor(new ControlledExporter() {

			@Override
			public CompletableResultCode export(Collection<SpanData> spans) {
				throw new IllegalStateException("broken exporter");
			}

		});
		assertThat(monitored.export(spans(2)).isSuccess()).isFalse();
		assertThat(this.monitor.exportFailures()).isEqualTo(1);
		assertThat(this.monitor.status().lastFailureCause()).isEqualTo("IllegalStateException: broken exporter");
	}

	@Test
	void exportsThatNeverFinishDoNotPileUp() {
		SpanExporter monitored = this.monitor.monitor(this.exporter);
		for (int i = 0; i < MonitoringSpanExporter.MAX_EXPORTS_IN_FLIGHT; i++) {
			monitored.export(spans(1));
		}
		assertThat(monitored.export(spans(10)).isSuccess()).isFalse();
		assertThat(this.exporter.results).hasSize(MonitoringSpanExporter.MAX_EXPORTS_IN_FLIGHT);
		assertThat(this.monitor.spansDroppedExportFailed()).isEqualTo(10);
		this.exporter.results.get(0).succeed();
		monitored.export(spans(1));
		assertThat(this.exporter.results).hasSize(MonitoringSpanExporter.MAX_EXPORTS_IN_FLIGHT + 1);
	}

	@Test
	void readsTheQueueAndTheSpansTheBatchProcessorDrops() {
		// The exporter never answers: the processor waits, its queue fills, the rest is dropped.
		BatchSpanProcessor processor = BatchSpanProcessor.builder(this.monitor.monitor(this.exporter))
			.setMaxQueueSize(4)
			.setMaxExportBatchSize(2)
			.setScheduleDelay(Duration.ofMillis(1))
			.setExporterTimeout(Duration.ofSeconds(30))
			.setMeterProvider(this.monitor.batchProcessorMeterProvider())
			.build();
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().addSpanProcessor(processor).build()) {
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				tracerProvider.get("test").spanBuilder("work").startSpan().end();
				return !this.exporter.results.isEmpty();
			});
			for (int i = 0; i < 50; i++) {
				tracerProvider.get("test").spanBuilder("work").startSpan().end();
			}
			SpanExportStatus status = this.monitor.status();
			assertThat(status.queueSize()).isEqualTo(4);
			assertThat(status.queueCapacity()).isEqualTo(4);
			assertThat(status.spansDroppedQueueFull()).isGreaterThanOrEqualTo(50 - 4);
			this.exporter.succeedAll = true;
			this.exporter.results.forEach(CompletableResultCode::succeed);
			tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
			assertThat(this.monitor.queueSize()).isZero();
			assertThat(this.monitor.spansExported()).isPositive();
		}
	}

	@Test
	void logsFailuresAtMostOnceAMinuteWithTheCauseAndTheEndpoint(CapturedOutput output) {
		// Applications started earlier in this JVM may have left other levels behind.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(SpanExportMonitor.class.getName(), LogLevel.INFO);
		try {
			logsFailuresAtMostOnceAMinute(output);
		}
		finally {
			logging.setLogLevel(SpanExportMonitor.class.getName(), null);
		}
	}

	private void logsFailuresAtMostOnceAMinute(CapturedOutput output) {
		SpanExportMonitor monitor = new SpanExportMonitor("https://user:pa55word@collector:4318/v1/traces", 4,
				this.clock);
		SpanExporter monitored = monitor.monitor(this.exporter);
		for (int i = 0; i < 100; i++) {
			monitored.export(spans(2));
			this.exporter.results.get(i)
				.failExceptionally(new IOException("java.net.ConnectException: Connection refused",
						new java.net.ConnectException("Connection refused")));
			this.clock.advance(Duration.ofMillis(500));
		}
		assertThat(lines(output, "Spans could not be exported")).hasSize(1)
			.allSatisfy((line) -> assertThat(line)
				.contains("Spans could not be exported to https://collector:4318/v1/traces: "
						+ "java.net.ConnectException: Connection refused. 1 export(s) failed and 2 span(s)"
						+ " were dropped so far"));
		this.clock.advance(Duration.ofSeconds(11));
		monitored.export(spans(3));
		this.exporter.results.get(100).fail();
		assertThat(lines(output, "Spans could not be exported")).hasSize(2)
			.last()
			.satisfies((line) -> assertThat(line).contains("100 export(s) failed and 201 span(s) were dropped since"
					+ " the last report"));
		monitored.export(spans(1));
		this.exporter.results.get(101).succeed();
		monitored.export(spans(1));
		this.exporter.results.get(102).succeed();
		assertThat(lines(output, "Spans are exported to https://collector:4318/v1/traces again")).hasSize(1);
		assertThat(output.getAll()).doesNotContain("pa55word");
	}

	@Test
	void describesFailures() {
		assertThat(ExportFailureLog.describe(null)).isEqualTo("the exporter reported a failure");
		IOException io = new IOException("timeout");
		assertThat(ExportFailureLog.describe(new RuntimeException(io))).isEqualTo("java.io.IOException: timeout");
		assertThat(ExportFailureLog.describe(new HttpExportException()))
			.startsWith("the collector answered with an error status");
		assertThat(ExportFailureLog.describe(new IllegalStateException("a\n  b"))).isEqualTo("IllegalStateException: a b");
		assertThat(ExportFailureLog.describe(new IllegalStateException("x".repeat(500)))).hasSize(303);
	}

	@Test
	void removesCredentialsAndQueryValuesFromTheTarget() {
		assertThat(SpanExportTargets.safeUrl("https://bob:secret@host:4318/v1/traces"))
			.isEqualTo("https://host:4318/v1/traces");
		assertThat(SpanExportTargets.safeUrl("http://localhost:4318/v1/traces"))
			.isEqualTo("http://localhost:4318/v1/traces");
		assertThat(SpanExportTargets.safeUrl("LoggingSpanExporter")).isEqualTo("LoggingSpanExporter");
		assertThat(SpanExportTargets.safeUrl("https://host/v1/traces?api_key=s3cret&region=eu"))
			.isEqualTo("https://host/v1/traces?api_key=****&region=****");
		assertThat(new SpanExportMonitor("https://bob:secret@host/v1/traces?token=s3cret", 1).target())
			.isEqualTo("https://host/v1/traces?token=****");
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).toList();
	}

	private static List<SpanData> spans(int count) {
		List<SpanData> spans = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			spans.add(null);
		}
		return spans;
	}

	/**
	 * How the OTLP exporters report an error status: an exception without a message.
	 */
	private static final class HttpExportException extends Exception {

	}

	private static class ControlledExporter implements SpanExporter {

		final List<CompletableResultCode> results = new java.util.concurrent.CopyOnWriteArrayList<>();

		volatile boolean succeedAll;

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			CompletableResultCode result = new CompletableResultCode();
			this.results.add(result);
			if (this.succeedAll) {
				result.succeed();
			}
			return result;
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
