package io.github.oteltracing.acceptance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop, written the way a user of the starter would: the only tracing code is
 * {@code @Traced} and {@code @SpanAttribute}.
 */
@SpringBootApplication
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
