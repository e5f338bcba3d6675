package io.github.oteltracing.sample.order;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The HTTP clients of the downstream services, built from Spring Boot's builders so that
 * the starter's instrumentation (and anything else the application customizes) applies.
 * One of each kind on purpose: the samples show both carrying the trace on.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamClientsConfiguration {

	@Bean
	RestTemplate inventoryRestTemplate(RestTemplateBuilder builder, @Value("${services.inventory.url}") String url) {
		// The read timeout leaves room for the slow supplier quote behind one product.
		return builder.rootUri(url).connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
	}

	@Bean
	WebClient paymentWebClient(WebClient.Builder builder, @Value("${services.payment.url}") String url) {
		return builder.baseUrl(url).build();
	}

}
