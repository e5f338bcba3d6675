package io.github.oteltracing.acceptance;

import java.time.Duration;
import java.util.List;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head sampling as seen by the receiver. Closing the context flushes whatever was
 * sampled, so counting right after close is exact.
 */
class SamplingTests {

	// Margin after the flush, in case a sampler let something through late.
	private static final Duration QUIET = Duration.ofMillis(300);

	@Test
	void alwaysOnSendsEveryTrace() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			try (ConfigurableApplicationContext context = TestShop.start(sink, "tracing.sampling.strategy=always-on")) {
				placeOrders(context, 20);
			}
			assertThat(rootSpans(sink)).hasSize(20);
			assertThat(sink.spans()).hasSize(20 * 6);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tracing.sampling.strategy=always-off", "tracing.sampling.ratio=0.0",
			"tracing.sampling.strategy=ratio,tracing.sampling.ratio=0" })
	void samplersThatKeepNothingSendNothing(String settings) throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			try (ConfigurableApplicationContext context = TestShop.start(sink, settings.split(","))) {
				placeOrders(context, 20);
			}
			Thread.sleep(QUIET.toMillis());
			assertThat(sink.requests()).isEmpty();
		}
	}

	@Test
	void rateLimitedSamplerKeepsAboutTheConfiguredNumberOfTracesPerSecond() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			long elapsedNanos;
			try (ConfigurableApplicationContext context = TestShop.start(sink, "tracing.sampling.strategy=rate-limited",
					"tracing.sampling.rate-limit=5")) {
				InventoryService inventory = context.getBean(InventoryService.class);
				long start = System.nanoTime();
				for (int i = 0; i < 200; i++) {
					inventory.reserveStock("sku-" + i, 1);
				}
				elapsedNanos = System.nanoTime() - start;
			}
			// A burst of one second's worth, then 5 per second for as long as the loop ran.
			long allowed = 5 + (long) Math.ceil(5 * elapsedNanos / 1e9) + 1;
			assertThat(Duration.ofNanos(elapsedNanos)).as("time to start 200 traces").isLessThan(Duration.ofSeconds(2));
			assertThat(sink.spans()).hasSizeBetween(1, (int) allowed);
		}
	}

	private static void placeOrders(ConfigurableApplicationContext context, int count) throws Exception {
		CheckoutService checkout = context.getBean(CheckoutService.class);
		for (int i = 0; i < count; i++) {
			checkout.placeOrder("order-" + i, i, List.of(new OrderLine("pen", 1)), 5.0);
		}
	}

	private static List<ReceivedSpan> rootSpans(TraceSink sink) {
		return sink.spans().stream().filter((span) -> span.parentSpanId().isEmpty()).toList();
	}

}
