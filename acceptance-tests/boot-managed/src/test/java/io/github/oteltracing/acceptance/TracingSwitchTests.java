package io.github.oteltracing.acceptance;

import java.time.Duration;
import java.util.List;

import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 4: {@code tracing.enabled=false} leaves no trace of the starter, and
 * {@code tracing.exporter.type=none} keeps the SDK but sends nothing.
 */
class TracingSwitchTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	@Test
	void disabledTracingDefinesNothingAndSendsNothing() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			try (ConfigurableApplicationContext context = TestShop.start(sink, "tracing.enabled=false")) {
				assertThat(context.getBeanNamesForType(OpenTelemetry.class)).isEmpty();
				CheckoutService checkout = context.getBean(CheckoutService.class);
				assertThat(AopUtils.isAopProxy(checkout)).as("checkout service proxied").isFalse();
				checkout.placeOrder("order-1", 1L, List.of(new OrderLine("pen", 1)), 5.0);
			}
			Thread.sleep(QUIET.toMillis());
			assertThat(sink.requests()).isEmpty();
		}
	}

	@Test
	void exporterTypeNoneKeepsTheSdkButSendsNothing() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			try (ConfigurableApplicationContext context = TestShop.start(sink, "tracing.exporter.type=none")) {
				assertThat(context.getBeanNamesForType(OpenTelemetry.class)).hasSize(1);
				context.getBean(CheckoutService.class)
					.placeOrder("order-1", 1L, List.of(new OrderLine("pen", 1)), 5.0);
			}
			Thread.sleep(QUIET.toMillis());
			assertThat(sink.requests()).isEmpty();
		}
	}

}
