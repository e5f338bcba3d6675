package io.github.oteltracing.acceptance;

import java.util.List;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 6: closing the application exports every span that ended before it,
 * even when the next scheduled export is an hour away.
 */
class ShutdownFlushTests {

	@Test
	void closingTheContextFlushesEndedSpans() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			ConfigurableApplicationContext context = TestShop.start(sink, "tracing.exporter.batch.schedule-delay=1h");
			try {
				CheckoutService checkout = context.getBean(CheckoutService.class);
				for (int i = 0; i < 3; i++) {
					checkout.placeOrder("order-" + i, i, List.of(new OrderLine("pen", 1)), 5.0);
				}
				assertThat(sink.requests()).as("nothing exported before close").isEmpty();
			}
			finally {
				context.close();
			}
			// No waiting: close() returns only after the export has been answered.
			assertThat(sink.spans()).hasSize(3 * 6)
				.filteredOn((span) -> span.name().equals("place-order"))
				.extracting((span) -> span.attribute("order.id"))
				.containsExactlyInAnyOrder("order-0", "order-1", "order-2");
			assertThat(sink.spans()).extracting(ReceivedSpan::serviceName).containsOnly("acceptance-shop");
		}
	}

}
