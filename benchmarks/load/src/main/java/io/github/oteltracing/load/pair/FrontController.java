package io.github.oteltracing.load.pair;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/**
 * The front of the pair: one call to the back per request.
 */
@RestController
@ConditionalOnProperty(name = "pair.role", havingValue = "front")
class FrontController {

	private final RestTemplate back;

	FrontController(RestTemplateBuilder builder, @Value("${pair.back-url}") String backUrl) {
		this.back = builder.rootUri(backUrl).build();
	}

	@GetMapping("/front")
	BackController.Quote front() {
		return this.back.getForObject("/back/{id}", BackController.Quote.class,
				ThreadLocalRandom.current().nextInt(1000));
	}

}
