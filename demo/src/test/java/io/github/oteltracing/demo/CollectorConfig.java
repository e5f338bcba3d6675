package io.github.oteltracing.demo;

import java.util.List;
import java.util.Map;

import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static io.github.oteltracing.demo.YamlFiles.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Collector configuration file of the repository (the Compose stack's, the agent and
 * gateway tiers', Jaeger v2's), read as YAML: no Collector binary is at hand to validate it,
 * so the tests check its structure.
 *
 * @param path the file, from the repository root
 * @param root the document
 */
record CollectorConfig(String path, Map<String, Object> root) {

	static CollectorConfig load(String path) {
		return new CollectorConfig(path, YamlFiles.load(path));
	}

	Map<String, Object> tracesPipeline() {
		return map(this.root, "service", "pipelines", "traces");
	}

	/**
	 * Returns the component ids of the traces pipeline.
	 * @param kind {@code receivers}, {@code processors} or {@code exporters}
	 * @return the ids, in pipeline order
	 */
	List<String> pipeline(String kind) {
		return strings(list(tracesPipeline(), kind));
	}

	/**
	 * Returns the configuration of a component.
	 * @param kind {@code receivers}, {@code processors}, {@code exporters} or
	 * {@code extensions}
	 * @param id the component id, {@code type} or {@code type/name}
	 * @return its configuration
	 */
	Map<String, Object> component(String kind, String id) {
		return map(this.root, kind, id);
	}

	/**
	 * Returns the id of the only component of a type in the traces pipeline.
	 * @param kind {@code receivers}, {@code processors} or {@code exporters}
	 * @param type the component type
	 * @return its id
	 */
	String only(String kind, String type) {
		List<String> ids = pipeline(kind).stream().filter((id) -> type(id).equals(type)).toList();
		assertThat(ids).as("%s of type %s in %s", kind, type, this.path).hasSize(1);
		return ids.get(0);
	}

	/**
	 * Asserts that a {@code tail_sampling} processor keeps every failed trace, every slow
	 * one and a share of the rest.
	 * @param tailSampling the processor's configuration
	 */
	static void assertKeepsErrorsSlowTracesAndAShare(Map<String, Object> tailSampling) {
		List<Map<String, Object>> policies = maps(tailSampling, "policies");
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

	// Component ids are "type" or "type/name".
	static String type(String id) {
		return id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
	}

	static List<String> types(List<String> ids) {
		return ids.stream().map(CollectorConfig::type).toList();
	}

	static List<String> strings(List<Object> values) {
		return values.stream().map(String::valueOf).toList();
	}

	@Override
	public String toString() {
		return this.path;
	}

}
