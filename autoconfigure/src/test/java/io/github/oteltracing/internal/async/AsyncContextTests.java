package io.github.oteltracing.internal.async;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.autoconfigure.AsyncTracingAutoConfiguration;
import io.github.oteltracing.autoconfigure.LoggingMdcAutoConfiguration;
import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.github.oteltracing.internal.logging.MdcCapture;
import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current span crosses {@code @Async}, executor beans and {@code CompletableFuture}
 * stages on them, with no code in the application, and the MDC follows.
 */
class AsyncContextTests {

	static final String LOGGER = "io.github.oteltracing.async.async-test";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SamplingAutoConfiguration.class, PropagationAutoConfiguration.class,
				SpanExportAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				TracedAutoConfiguration.class, LoggingMdcAutoConfiguration.class, AsyncTracingAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class))
		.withPropertyValues("tracing.exporter.type=none")
		.withBean("inMemory", SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));

	private final MdcCapture capture = MdcCapture.attach(LOGGER);

	@AfterEach
	void detach() {
		this.capture.close();
		MDC.clear();
	}

	@Test
	void asyncMethodsAndCompletableFuturesOnTheTaskExecutorAreChildSpans() {
		this.runner.withUserConfiguration(Shop.class).run((context) -> {
			String threads = context.getBean(Orders.class).placeOrder();
			List<SpanData> spans = this.exporter.getFinishedSpanItems();
			SpanData order = span(spans, "place-order");
			SpanData reserve = span(spans, "reserve-inventory");
			SpanData price = span(spans, "price-pricing");
			assertThat(reserve.getTraceId()).isEqualTo(order.getTraceId());
			assertThat(price.getTraceId()).isEqualTo(order.getTraceId());
			assertThat(reserve.getParentSpanId()).isEqualTo(order.getSpanId());
			assertThat(price.getParentSpanId()).isEqualTo(order.getSpanId());
			assertThat(threads).doesNotContain(Thread.currentThread().getName());
			assertIds(this.capture.event("reserving"), reserve);
			assertIds(this.capture.event("pricing"), price);
			assertThat(this.capture.event("reserving").thread()).isNotEqualTo(Thread.currentThread().getName());
		});
	}

	@Test
	void anExecutorKeepsItsOwnDecoratorAndItsThreadsForgetTheSpan() {
		this.runner.withUserConfiguration(DecoratedWorkers.class).run((context) -> {
			ThreadPoolTaskExecutor workers = context.getBean(ThreadPoolTaskExecutor.class);
			Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("submit").startSpan();
			SpanContext seen;
			try (Scope scope = span.makeCurrent()) {
				seen = workers.submit(() -> {
					logger.info("work");
					return Span.current().getSpanContext();
				}).get(10, TimeUnit.SECONDS);
				CompletableFuture.runAsync(() -> logger.info("stage"), workers).get(10, TimeUnit.SECONDS);
			}
			finally {
				span.end();
			}
			workers.submit(() -> logger.info("idle")).get(10, TimeUnit.SECONDS);
			assertThat(seen).isEqualTo(span.getSpanContext());
			assertThat(this.capture.mdc("work")).containsEntry("decorated", "yes")
				.containsEntry(TraceMdc.SPAN_ID, span.getSpanContext().getSpanId());
			assertThat(this.capture.mdc("stage")).containsEntry(TraceMdc.SPAN_ID, span.getSpanContext().getSpanId());
			assertThat(this.capture.event("idle").thread()).isEqualTo(this.capture.event("work").thread());
			assertThat(this.capture.mdc("idle")).containsOnly(Map.entry("decorated", "yes"));
		});
	}

	@Test
	void springBootStillAppliesTheApplicationsTaskDecorator() {
		this.runner.withBean(TaskDecorator.class, () -> DecoratedWorkers::markDecorated).run((context) -> {
			AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
			Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("submit").startSpan();
			try (Scope scope = span.makeCurrent()) {
				executor.submit(() -> logger.info("decorated")).get(10, TimeUnit.SECONDS);
			}
			finally {
				span.end();
			}
			assertThat(this.capture.mdc("decorated")).containsEntry("decorated", "yes")
				.containsEntry(TraceMdc.SPAN_ID, span.getSpanContext().getSpanId());
		});
	}

	@Test
	void aSimpleAsyncTaskExecutorCarriesContextToo() {
		this.runner.withBean(SimpleAsyncTaskExecutor.class).run((context) -> {
			SimpleAsyncTaskExecutor executor = context.getBean(SimpleAsyncTaskExecutor.class);
			Span span = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("submit").startSpan();
			SpanContext seen;
			try (Scope scope = span.makeCurrent()) {
				seen = executor.submitCompletable(() -> Span.current().getSpanContext()).get(10, TimeUnit.SECONDS);
			}
			finally {
				span.end();
			}
			assertThat(seen).isEqualTo(span.getSpanContext());
		});
	}

	private static SpanData span(List<SpanData> spans, String name) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " in " + spans));
	}

	private static void assertIds(MdcCapture.Captured event, SpanData span) {
		assertThat(event.mdc()).containsEntry(TraceMdc.TRACE_ID, span.getTraceId())
			.containsEntry(TraceMdc.SPAN_ID, span.getSpanId())
			.containsEntry(TraceMdc.TRACE_FLAGS, "01");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class Shop {

		@Bean
		Orders orders(Inventory inventory, Pricing pricing,
				@Qualifier("applicationTaskExecutor") AsyncTaskExecutor taskExecutor) {
			return new Orders(inventory, pricing, taskExecutor);
		}

		@Bean
		Inventory inventory() {
			return new Inventory();
		}

		@Bean
		Pricing pricing() {
			return new Pricing();
		}

	}

	static class Orders {

		private final Inventory inventory;

		private final Pricing pricing;

		private final AsyncTaskExecutor taskExecutor;

		Orders(Inventory inventory, Pricing pricing, AsyncTaskExecutor taskExecutor) {
			this.inventory = inventory;
			this.pricing = pricing;
			this.taskExecutor = taskExecutor;
		}

		@Traced
		public String placeOrder() {
			CompletableFuture<String> reserved = this.inventory.reserve();
			CompletableFuture<String> priced = CompletableFuture.supplyAsync(this.pricing::price, this.taskExecutor);
			return reserved.join() + " " + priced.join();
		}

	}

	static class Inventory {

		@Async
		@Traced
		public CompletableFuture<String> reserve() {
			logger.info("reserving");
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	static class Pricing {

		@Traced
		public String price() {
			logger.info("pricing");
			return Thread.currentThread().getName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DecoratedWorkers {

		@Bean
		ThreadPoolTaskExecutor workers() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(1);
			executor.setMaxPoolSize(1);
			executor.setTaskDecorator(DecoratedWorkers::markDecorated);
			return executor;
		}

		static Runnable markDecorated(Runnable task) {
			return () -> {
				MDC.put("decorated", "yes");
				try {
					task.run();
				}
				finally {
					MDC.remove("decorated");
				}
			};
		}

	}

}
