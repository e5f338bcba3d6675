package io.github.oteltracing.aot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.client.RestTemplate;

/**
 * A small shop whose only tracing code is {@code @Traced} and {@code @SpanAttribute},
 * processed ahead of time and run from the generated code. It calls itself over HTTP with
 * each client the starter traces: RestClient and WebClient from Spring Boot's builders,
 * and a RestTemplate bean built by hand.
 */
@SpringBootApplication
@EnableAsync
public class AotShopApplication {

	@Bean
	RestTemplate restTemplate() {
		return new RestTemplate();
	}

	public static void main(String[] args) {
		SpringApplication.run(AotShopApplication.class, args);
	}

}
