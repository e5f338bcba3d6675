package io.github.oteltracing.sample.order;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The order service of the samples: the entry point of every trace.
 */
@SpringBootApplication
public class OrderServiceApplication {

	/**
	 * The application, configured by {@code order-service.yml} rather than
	 * {@code application.yml}: the end-to-end tests run the three samples in one JVM, on one
	 * classpath, where they would otherwise share one file.
	 * @return a builder for the application
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(OrderServiceApplication.class)
			.properties("spring.config.name=order-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}
