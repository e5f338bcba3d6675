package io.github.oteltracing.aot;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks the shop's own stock and price endpoints with each traced client, after a look at
 * its database (H2 behind Spring Boot's HikariCP pool).
 */
@Component
class Warehouse {

	private final RestClient restClient;

	private final WebClient webClient;

	private final RestTemplate restTemplate;

	private final Environment environment;

	private final JdbcTemplate jdbcTemplate;

	Warehouse(RestClient.Builder restClients, WebClient.Builder webClients, RestTemplate restTemplate,
			Environment environment, JdbcTemplate jdbcTemplate) {
		this.restClient = restClients.build();
		this.webClient = webClients.build();
		this.restTemplate = restTemplate;
		this.environment = environment;
		this.jdbcTemplate = jdbcTemplate;
	}

	@Traced
	public String reserveStock(@SpanAttribute("order.id") String orderId) {
		this.jdbcTemplate.queryForObject("select 1", Integer.class);
		String base = "http://127.0.0.1:" + this.environment.getProperty("local.server.port");
		String stock = this.restClient.get().uri(base + "/stock/{sku}", orderId).retrieve().body(String.class);
		String price = this.webClient.get()
			.uri(base + "/prices/{sku}", orderId)
			.retrieve()
			.bodyToMono(String.class)
			.block();
		String again = this.restTemplate.getForObject(base + "/stock/{sku}", String.class, orderId);
		return stock + "@" + price + "/" + again;
	}

}
