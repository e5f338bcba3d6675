package io.github.oteltracing.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.CollectorConfig.types;
import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static io.github.oteltracing.demo.YamlFiles.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector configuration of the Compose stack does what the README promises: the
 * traces pipeline protects the collector first, scrubs before sampling, samples by whole
 * trace and batches last. (What every Collector configuration must do is checked by
 * {@link CollectorConfigurationsTests}.)
 */
class CollectorConfigTests {

	private final CollectorConfig config = CollectorConfig.load("collector/otel-collector-config.yaml");

	@Test
	void tracesPipelineScrubsAndSamples() {
		List<String> processors = types(this.config.pipeline("processors"));
		assertThat(processors).contains("attributes", "tail_sampling");
	}

	@Test
	void tailSamplingKeepsErrorsSlowTracesAndAShareOfTheRest() {
		CollectorConfig.assertKeepsErrorsSlowTracesAndAShare(this.config.component("processors", "tail_sampling"));
	}

	@Test
	void attributesProcessorDeletesCredentialsAndHashesPersonalData() {
		List<Map<String, Object>> actions = maps(
				this.config.component("processors", this.config.only("processors", "attributes")), "actions");
		assertThat(actions).anySatisfy((action) -> assertThat(action)
			.containsEntry("key", "http.request.header.authorization")
			.containsEntry("action", "delete"));
		assertThat(actions).anySatisfy((action) -> assertThat(action).containsEntry("action", "hash"));
		assertThat(actions).anySatisfy((action) -> assertThat(action).containsEntry("key", "db.query.text")
			.containsEntry("action", "hash"));
	}

	@Test
	void exportsToJaegerAndServesAHealthCheck() {
		assertThat(this.config.pipeline("exporters")).anySatisfy((id) -> {
			assertThat(id).startsWith("otlp");
			assertThat(this.config.component("exporters", id)).containsEntry("endpoint", "jaeger:4317");
		});
		assertThat(list(map(this.config.root(), "service"), "extensions")).contains("health_check");
		assertThat(map(this.config.root(), "extensions")).containsKey("health_check");
	}

}
