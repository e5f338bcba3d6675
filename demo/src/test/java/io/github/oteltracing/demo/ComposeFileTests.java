package io.github.oteltracing.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose stack wires the samples to the collector and the collector to Jaeger.
 * (That the file is valid Compose is checked by {@code docker-compose config} in CI.)
 */
class ComposeFileTests {

	private final Map<String, Object> services = map(YamlFiles.load("docker-compose.yml"), "services");

	@Test
	void samplesExportToTheCollector() {
		for (String sample : List.of("order-service", "inventory-service", "payment-service")) {
			assertThat(map(this.services, sample, "environment")).as(sample)
				.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318");
			assertThat(map(this.services, sample, "build")).as(sample).containsEntry("target", sample);
		}
	}

	@Test
	void orderServiceCallsTheOtherSamplesByServiceName() {
		assertThat(map(this.services, "order-service", "environment"))
			.containsEntry("SERVICES_INVENTORY_URL", "http://inventory-service:8081")
			.containsEntry("SERVICES_PAYMENT_URL", "http://payment-service:8082");
	}

	@Test
	void collectorRunsTheRepositoryConfigurationAndJaegerServesItsUi() {
		Map<String, Object> collector = map(this.services, "otel-collector");
		assertThat(String.valueOf(collector.get("image"))).startsWith("otel/opentelemetry-collector-contrib:");
		assertThat(list(collector, "volumes")).anySatisfy(
				(volume) -> assertThat(String.valueOf(volume)).startsWith("./collector/otel-collector-config.yaml:"));
		assertThat(list(map(this.services, "jaeger"), "ports")).contains("16686:16686");
	}

}
