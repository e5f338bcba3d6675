package io.github.oteltracing.demo;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose variant of {@code deploy/} runs the two tiers on one machine: the samples
 * export to the agent, two gateway replicas answer to the name the agent resolves, Jaeger
 * keeps its store on a named volume. (That the file is valid Compose is checked by
 * {@code docker-compose config} in CI.)
 */
class DeployComposeFileTests {

	private static final String FILE = "deploy/docker-compose.yml";

	/** Spans sent within a second, so that a trace's spans reach its gateway well inside decision_wait. */
	static final String SCHEDULE_DELAY_MILLIS = "1000";

	private final Map<String, Object> compose = YamlFiles.load(FILE);

	private final Map<String, Object> services = map(this.compose, "services");

	@Test
	void samplesExportToTheAgent() {
		for (String sample : List.of("order-service", "inventory-service", "payment-service")) {
			assertThat(map(this.services, sample, "environment")).as(sample)
				.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-agent:4318")
				.containsEntry("OTEL_BSP_SCHEDULE_DELAY", SCHEDULE_DELAY_MILLIS);
			assertThat(map(this.services, sample, "build")).as(sample).containsEntry("context", "..")
				.containsEntry("target", sample);
		}
		assertThat(mounts("otel-agent")).contains("./collector/agent.yaml:/etc/otelcol-contrib/config.yaml:ro");
	}

	@Test
	void twoGatewayReplicasAnswerToTheNameTheAgentResolves() {
		List<String> gateways = this.services.keySet()
			.stream()
			.filter((name) -> mounts(name).contains("./collector/gateway.yaml:/etc/otelcol-contrib/config.yaml:ro"))
			.toList();
		assertThat(gateways).hasSize(2);
		for (String gateway : gateways) {
			assertThat(list(map(this.services, gateway, "networks", "default"), "aliases")).as(gateway)
				.containsExactly(DeployCollectorConfigTests.gatewayHostname());
			assertThat(map(this.services, gateway)).as(gateway).doesNotContainKey("ports");
		}
	}

	@Test
	void collectorsRunTheImageOfTheSingleCollectorStack() {
		Object image = map(YamlFiles.load("docker-compose.yml"), "services", "otel-collector").get("image");
		for (String collector : List.of("otel-agent", "otel-gateway-1", "otel-gateway-2")) {
			assertThat(map(this.services, collector)).as(collector).containsEntry("image", image);
		}
	}

	@Test
	void jaegerKeepsItsStoreOnANamedVolume() {
		assertThat(mounts("jaeger")).contains("./jaeger/jaeger.yaml:/etc/jaeger/config.yaml:ro",
				"jaeger-data:" + DeployCollectorConfigTests.BADGER_VOLUME);
		assertThat(map(this.compose, "volumes")).containsKey("jaeger-data");
		assertThat(list(map(this.services, "jaeger"), "command")).containsExactly("--config=/etc/jaeger/config.yaml");
	}

	@Test
	void everyMountedFileExists() {
		for (String service : this.services.keySet()) {
			mounts(service).stream()
				.filter((mount) -> mount.startsWith("./"))
				.map((mount) -> "deploy/" + mount.substring(2, mount.indexOf(':')))
				.forEach((file) -> assertThat(YamlFiles.file(file)).as(service).isRegularFile());
		}
		assertThat(Files.isRegularFile(YamlFiles.file("Dockerfile"))).isTrue();
	}

	private List<String> mounts(String service) {
		Object volumes = map(this.services, service).get("volumes");
		return (volumes instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
