package io.github.oteltracing.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static io.github.oteltracing.demo.YamlFiles.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector configuration of the Compose stack does what the README promises: the
 * traces pipeline protects the collector first, scrubs before sampling, samples by whole
 * trace and batches last.
 */
class CollectorConfigTests {

	private final Map<String, Object> config = YamlFiles.load("collector/otel-collector-config.yaml");

	@Test
	void tracesPipelineRunsTheProcessorsInOrder() {
		List<String> processors = types(list(tracesPipeline(), "processors"));
		assertThat(processors).first().as("first processor").isEqualTo("memory_limiter");
		assertThat(processors).last().as("last processor").isEqualTo("batch");
		assertThat(processors).contains("attributes", "tail_sampling");
		// Scrubbed before sampling: the sampler buffers whole traces in memory.
		assertThat(processors.indexOf("attributes")).isLessThan(processors.indexOf("tail_sampling"));
	}

	@Test
	void everyComponentOfThePipelineIsConfigured() {
		Map<String, Object> pipeline = tracesPipeline();
		for (String kind : List.of("receivers", "processors", "exporters")) {
			assertThat(map(this.config, kind).keySet()).as(kind).containsAll(strings(list(pipeline, kind)));
		}
	}

	@Test
	void tailSamplingKeepsErrorsSlowTracesAndAShareOfTheRest() {
		List<Map<String, Object>> policies = maps(map(this.config, "processors", "tail_sampling"), "policies");
		assertThat(policies).anySatisfy((policy) -> {
			assertThat(policy).containsEntry("type", "status_code");
			assertThat(list(map(policy, "status_code"), "status_codes")).containsExactly("ERROR");
		});
		assertThat(policies).anySatisfy((policy) -> {
			assertThat(policy).containsEntry("type", "latency");
			assertThat(map(policy, "latency")).containsEntry("threshold_ms", 500);
		});
		assertThat(policies).anySatisfy((policy) -> {
			assertThat(policy).containsEntry("type", "probabilistic");
			assertThat(map(policy, "probabilistic").get("sampling_percentage")).isInstanceOfSatisfying(Number.class,
					(percentage) -> assertThat(percentage.doubleValue()).isStrictlyBetween(0.0, 100.0));
		});
	}

	@Test
	void attributesProcessorDeletesCredentialsAndHashesPersonalData() {
		String attributes = strings(list(tracesPipeline(), "processors")).stream()
			.filter((id) -> id.startsWith("attributes"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> actions = maps(map(map(this.config, "processors"), attributes), "actions");
		assertThat(actions).anySatisfy((action) -> assertThat(action)
			.containsEntry("key", "http.request.header.authorization")
			.containsEntry("action", "delete"));
		assertThat(actions).anySatisfy((action) -> assertThat(action).containsEntry("action", "hash"));
		assertThat(actions).anySatisfy((action) -> assertThat(action).containsEntry("key", "db.query.text")
			.containsEntry("action", "hash"));
	}

	@Test
	void exportsToJaegerAndServesAHealthCheck() {
		List<String> exporters = strings(list(tracesPipeline(), "exporters"));
		assertThat(exporters).anySatisfy((id) -> {
			assertThat(id).startsWith("otlp");
			assertThat(map(map(this.config, "exporters"), id)).containsEntry("endpoint", "jaeger:4317");
		});
		assertThat(list(map(this.config, "service"), "extensions")).contains("health_check");
		assertThat(map(this.config, "extensions")).containsKey("health_check");
	}

	private Map<String, Object> tracesPipeline() {
		return map(this.config, "service", "pipelines", "traces");
	}

	// Component ids are "type" or "type/name".
	private static List<String> types(List<Object> ids) {
		return strings(ids).stream().map((id) -> id.contains("/") ? id.substring(0, id.indexOf('/')) : id).toList();
	}

	private static List<String> strings(List<Object> values) {
		return values.stream().map(String::valueOf).toList();
	}

}
