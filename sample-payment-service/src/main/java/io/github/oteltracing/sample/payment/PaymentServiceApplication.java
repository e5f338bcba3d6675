package io.github.oteltracing.sample.payment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The payment service of the samples: authorizes card payments, reactively (WebFlux).
 */
@SpringBootApplication
public class PaymentServiceApplication {

	/**
	 * The application, configured by {@code payment-service.yml} rather than
	 * {@code application.yml}: the end-to-end tests run the three samples in one JVM, on one
	 * classpath, where they would otherwise share one file.
	 * @return a builder for the application
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(PaymentServiceApplication.class)
			.properties("spring.config.name=payment-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}
