package io.github.oteltracing.acceptance;

import java.util.List;

import io.opentelemetry.api.OpenTelemetry;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by {@link ChildJvm} in a JVM of its own, so that environment variables can be set
 * for real: starts the shop, places one order, then keeps the context open until its
 * standard input is closed, so the parent decides whether spans must arrive before
 * shutdown or by the flush at shutdown.
 */
public final class ChildShop {

	static final String PLACED = "Order placed; OpenTelemetry beans: ";

	private ChildShop() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("child")
			.run(args)) {
			context.getBean(CheckoutService.class)
				.placeOrder("child-order", 1L, List.of(new OrderLine("pen", 1)), 5.0);
			System.out.println(PLACED + context.getBeanNamesForType(OpenTelemetry.class).length);
			System.out.flush();
			while (System.in.read() != -1) {
				// Waiting for the parent to close the stream.
			}
		}
	}

}
