package io.github.oteltracing.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.CollectorConfig.types;
import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two tiers of {@code deploy/} fit together: the agents route by trace id to the
 * gateways, the gateways sample whole traces after scrubbing them as the single Collector
 * does, and Jaeger keeps what they send in a store that outlives a restart.
 */
class DeployCollectorConfigTests {

	/** Where Compose and Kubernetes mount Jaeger's persistent volume. */
	static final String BADGER_VOLUME = "/badger";

	static final CollectorConfig AGENT = CollectorConfig.load("deploy/collector/agent.yaml");

	static final CollectorConfig GATEWAY = CollectorConfig.load("deploy/collector/gateway.yaml");

	static final CollectorConfig JAEGER = CollectorConfig.load("deploy/jaeger/jaeger.yaml");

	@Test
	void agentRoutesEverySpanOfATraceToOneGateway() {
		assertThat(AGENT.pipeline("exporters")).containsExactly("loadbalancing");
		Map<String, Object> loadbalancing = AGENT.component("exporters", "loadbalancing");
		assertThat(loadbalancing).containsEntry("routing_key", "traceID");
		assertThat(map(loadbalancing, "protocol")).containsKey("otlp");
		assertThat(map(loadbalancing, "resolver").keySet()).as("one resolver").containsExactly("dns");
		assertThat(gatewayResolver()).containsEntry("port", 4317);
	}

	@Test
	void agentNeitherSamplesNorScrubsWhatItSeesOnlyFragmentsOf() {
		assertThat(types(AGENT.pipeline("processors"))).containsExactly("memory_limiter", "batch");
	}

	@Test
	void gatewaysReceiveOnThePortTheAgentsResolve() {
		assertThat(GATEWAY.pipeline("receivers")).containsExactly("otlp");
		assertThat(map(GATEWAY.component("receivers", "otlp"), "protocols", "grpc"))
			.containsEntry("endpoint", "0.0.0.0:" + gatewayResolver().get("port"));
	}

	@Test
	void gatewaysKeepErrorsSlowTracesAndAShareOfTheRest() {
		CollectorConfig.assertKeepsErrorsSlowTracesAndAShare(
				GATEWAY.component("processors", GATEWAY.only("processors", "tail_sampling")));
	}

	@Test
	void gatewaysScrubAsTheComposeStackCollectorDoes() {
		CollectorConfig single = CollectorConfig.load("collector/otel-collector-config.yaml");
		assertThat(list(GATEWAY.component("processors", GATEWAY.only("processors", "attributes")), "actions"))
			.isEqualTo(list(single.component("processors", single.only("processors", "attributes")), "actions"));
	}

	@Test
	void gatewaysExportToJaegersOtlpReceiver() {
		String exporter = GATEWAY.only("exporters", "otlp");
		assertThat(GATEWAY.component("exporters", exporter)).containsEntry("endpoint", "jaeger:4317");
		assertThat(map(JAEGER.component("receivers", "otlp"), "protocols", "grpc")).containsEntry("endpoint",
				"0.0.0.0:4317");
	}

	@Test
	void jaegerStoresInBadgerThatOutlivesARestart() {
		Map<String, Object> storage = JAEGER.component("extensions", "jaeger_storage");
		String backend = String.valueOf(
				JAEGER.component("exporters", JAEGER.only("exporters", "jaeger_storage_exporter")).get("trace_storage"));
		Map<String, Object> badger = map(storage, "backends", backend, "badger");
		assertThat(badger).containsEntry("ephemeral", false);
		assertThat(map(badger, "directories").values()).allSatisfy(
				(directory) -> assertThat(String.valueOf(directory)).startsWith(BADGER_VOLUME + "/"));
		assertThat(map(JAEGER.component("extensions", "jaeger_query"), "storage")).containsEntry("traces", backend);
		assertThat(list(map(JAEGER.root(), "service"), "extensions")).contains("jaeger_storage", "jaeger_query");
	}

	static Map<String, Object> gatewayResolver() {
		return map(AGENT.component("exporters", "loadbalancing"), "resolver", "dns");
	}

	static String gatewayHostname() {
		return String.valueOf(gatewayResolver().get("hostname"));
	}

}
