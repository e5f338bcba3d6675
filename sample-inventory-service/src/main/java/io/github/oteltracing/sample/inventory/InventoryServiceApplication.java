package io.github.oteltracing.sample.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The inventory service of the samples: stock levels and prices by SKU.
 */
@SpringBootApplication
public class InventoryServiceApplication {

	/**
	 * The application, configured by {@code inventory-service.yml} rather than
	 * {@code application.yml}: the end-to-end tests run the three samples in one JVM, on one
	 * classpath, where they would otherwise share one file.
	 * @return a builder for the application
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(InventoryServiceApplication.class)
			.properties("spring.config.name=inventory-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}
