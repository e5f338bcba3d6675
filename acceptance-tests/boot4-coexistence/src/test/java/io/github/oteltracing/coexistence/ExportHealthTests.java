package io.github.oteltracing.coexistence;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.oteltracing.acceptance.InventoryService;
import io.github.oteltracing.acceptance.ShopApplication;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the {@code tracing} health contributor on Spring Boot 4, whose health API
 * moved to {@code spring-boot-health}: {@code /actuator/health/tracing} shows the span
 * export, always {@code UP}, as on Spring Boot 3.
 */
class ExportHealthTests {

	@Test
	void healthShowsTheSpanExport() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
					.web(WebApplicationType.SERVLET)
					.run("--spring.main.banner-mode=off", "--server.port=0", "--server.address=127.0.0.1",
							"--tracing.exporter.otlp.endpoint=" + sink.endpoint(),
							"--tracing.exporter.batch.schedule-delay=50ms",
							"--management.endpoint.health.show-details=always")) {
			context.getBean(InventoryService.class).reserveStock("pen", 1);
			sink.awaitSpans(1, Duration.ofSeconds(10));
			Health health = context.getBean("tracingHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("endpoint", sink.endpoint() + "/v1/traces")
				.containsKeys("state", "spansExported", "queueCapacity");
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/tracing"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"")
				.contains("\"endpoint\":\"" + sink.endpoint() + "/v1/traces\"");
		}
	}

	@Test
	void healthContributorCanBeSwitchedOff() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.main.banner-mode=off", "--management.health.tracing.enabled=false")) {
			assertThat(context.containsBean("tracingHealthIndicator")).isFalse();
		}
	}

}
