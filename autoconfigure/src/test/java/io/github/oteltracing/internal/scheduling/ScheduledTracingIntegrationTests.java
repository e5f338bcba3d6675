package io.github.oteltracing.internal.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of {@code @Scheduled} methods in an application with actuator (whose observation
 * of scheduled tasks, bridged by Micrometer Tracing, would make spans of its own), spans
 * asserted at a real OTLP receiver. The application is started inside a span, and its
 * scheduler carries the context of scheduling time into every run, as a context-propagating
 * task decorator does: runs are roots all the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledTracingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final SpanContext STARTUP = SpanContext.create("0af7651916cd43dd8448eb211c80319c",
			"b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault());

	private TraceSink sink;

	private ConfigurableApplicationContext context;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		try (Scope scope = Context.root().with(Span.wrap(STARTUP)).makeCurrent()) {
			this.context = new SpringApplicationBuilder(JobsApp.class).web(WebApplicationType.NONE)
				.properties("spring.main.banner-mode=off", "spring.application.name=jobs",
						"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
						"tracing.exporter.batch.schedule-delay=50ms", "logging.level.root=warn",
						"logging.level.org.springframework.scheduling=off")
				.run();
		}
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.sink.close();
	}

	@Test
	void eachRunIsARootInternalSpanNamedLikeATracedMethod() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().filter((span) -> span.name().equals("refresh-cache")).count() >= 2, WAIT);
		assertThat(spans).filteredOn((span) -> span.name().equals("refresh-cache")).allSatisfy((span) -> {
			assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
			assertThat(span.parentSpanId()).isEmpty();
			assertThat(span.traceId()).isNotEqualTo(STARTUP.getTraceId());
			assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
			assertThat(span.attribute("code.function.name")).isEqualTo(CacheJobs.class.getName() + ".refreshCache");
		});
		// Work inside a run is its child.
		ReceivedSpan run = spans.stream().filter((span) -> span.name().equals("refresh-cache")).findFirst().orElseThrow();
		this.sink.awaitSpans((all) -> all.stream()
			.anyMatch((span) -> span.name().equals("load-entries") && span.parentSpanId().equals(run.spanId())), WAIT);
	}

	@Test
	void aOneWordMethodTakesItsNounFromTheClass() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("purge-invoice")), WAIT);
		assertThat(spans).filteredOn((span) -> span.name().equals("purge-invoice"))
			.allSatisfy((span) -> assertThat(span.parentSpanId()).isEmpty());
	}

	@Test
	void aFailingRunRecordsTheException() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("sync-prices")), WAIT);
		ReceivedSpan span = spans.stream().filter((each) -> each.name().equals("sync-prices")).findFirst().orElseThrow();
		assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(span.statusMessage()).isEqualTo("price feed down");
		assertThat(span.attribute("error.type")).isEqualTo(IllegalStateException.class.getName());
		assertThat(span.events()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
	}

	@Test
	void aTracedScheduledMethodHasOneRootSpanFromItsAnnotation() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("nightly-report")), WAIT);
		assertThat(spans).filteredOn((span) -> span.name().equals("nightly-report"))
			.allSatisfy((span) -> assertThat(span.parentSpanId()).isEmpty());
		assertThat(spans).extracting(ReceivedSpan::name).doesNotContain("report-jobs");
	}

	@Test
	void noSpanAppearsTwice() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().filter((span) -> span.name().equals("refresh-cache")).count() >= 2, WAIT);
		// Micrometer's name for these observations: "task cache-jobs.refresh-cache" and the like.
		assertThat(spans).extracting(ReceivedSpan::name).noneMatch((name) -> name.startsWith("task"));
		assertThat(spans).extracting(ReceivedSpan::scopeName).doesNotContain("io.github.oteltracing.micrometer");
	}

	@Test
	void switchedOffNoRunGetsASpanFromAnySource() {
		try (TraceSink offSink = TraceSink.startHttp(0);
				ConfigurableApplicationContext off = new SpringApplicationBuilder(JobsApp.class)
					.web(WebApplicationType.NONE)
					.properties("spring.main.banner-mode=off", "spring.application.name=jobs-off",
							"tracing.scheduling.enabled=false", "tracing.exporter.otlp.endpoint=" + offSink.endpoint(),
							"tracing.exporter.batch.schedule-delay=50ms", "logging.level.root=warn",
							"logging.level.org.springframework.scheduling=off")
					.run()) {
			// The @Traced work inside the runs shows that they ran; only @Traced spans are there.
			List<ReceivedSpan> spans = offSink.awaitSpans(
					(all) -> all.stream().filter((span) -> span.name().equals("load-entries")).count() >= 2, WAIT);
			assertThat(spans).extracting(ReceivedSpan::name)
				.allSatisfy((name) -> assertThat(name).isIn("load-entries", "nightly-report"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	static class JobsApp {

		@Bean
		CacheJobs cacheJobs(EntryLoader loader) {
			return new CacheJobs(loader);
		}

		@Bean
		EntryLoader entryLoader() {
			return new EntryLoader();
		}

		@Bean
		InvoiceService invoiceService() {
			return new InvoiceService();
		}

		@Bean
		ReportJobs reportJobs() {
			return new ReportJobs();
		}

		// Runs every task in the context it was scheduled in.
		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(2);
			scheduler.setTaskDecorator((task) -> Context.current().wrap(task));
			return scheduler;
		}

	}

	static class CacheJobs {

		private final EntryLoader loader;

		CacheJobs(EntryLoader loader) {
			this.loader = loader;
		}

		@Scheduled(fixedDelay = 50)
		void refreshCache() {
			this.loader.loadEntries();
		}

		@Scheduled(fixedDelay = 50)
		void syncPrices() {
			throw new IllegalStateException("price feed down");
		}

	}

	static class EntryLoader {

		static final AtomicReference<String> last = new AtomicReference<>();

		@Traced
		public void loadEntries() {
			last.set("loaded");
		}

	}

	static class InvoiceService {

		@Scheduled(fixedDelay = 50)
		void purge() {
		}

	}

	static class ReportJobs {

		@Traced("nightly-report")
		@Scheduled(fixedDelay = 50)
		public void report() {
		}

	}

}
