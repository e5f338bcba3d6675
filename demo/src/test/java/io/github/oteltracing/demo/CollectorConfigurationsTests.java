package io.github.oteltracing.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import static io.github.oteltracing.demo.CollectorConfig.strings;
import static io.github.oteltracing.demo.CollectorConfig.types;
import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Collector configuration of the repository must do, whichever tier it runs:
 * every component a pipeline names is configured, the pipeline protects the process first
 * (memory_limiter), scrubs before it buffers whole traces, and batches last.
 */
class CollectorConfigurationsTests {

	private static final List<String> CONFIGURATIONS = List.of("collector/otel-collector-config.yaml",
			"deploy/collector/agent.yaml", "deploy/collector/gateway.yaml", "deploy/jaeger/jaeger.yaml");

	private static final Set<String> NOT_SEARCHED = Set.of(".git", "target", "node_modules", ".mvn");

	static List<String> configurations() {
		return CONFIGURATIONS;
	}

	@Test
	void everyCollectorConfigurationOfTheRepositoryIsChecked() throws IOException {
		Path root = YamlFiles.file("");
		try (Stream<Path> files = Files.walk(root)) {
			Set<String> found = files.map(root::relativize)
				.filter(CollectorConfigurationsTests::searched)
				.map(Path::toString)
				.filter((file) -> file.endsWith(".yaml") || file.endsWith(".yml"))
				.filter(CollectorConfigurationsTests::hasPipelines)
				.collect(Collectors.toSet());
			assertThat(found).containsExactlyInAnyOrderElementsOf(CONFIGURATIONS);
		}
	}

	@ParameterizedTest
	@MethodSource("configurations")
	void everyComponentOfThePipelineIsConfigured(String path) {
		CollectorConfig config = CollectorConfig.load(path);
		for (String kind : List.of("receivers", "processors", "exporters")) {
			assertThat(map(config.root(), kind).keySet()).as("%s of %s", kind, path)
				.containsAll(config.pipeline(kind));
		}
		List<String> extensions = strings(list(map(config.root(), "service"), "extensions"));
		assertThat(map(config.root(), "extensions").keySet()).as("extensions of %s", path).containsAll(extensions);
	}

	@ParameterizedTest
	@MethodSource("configurations")
	void memoryLimiterFirstAndBatchLast(String path) {
		List<String> processors = types(CollectorConfig.load(path).pipeline("processors"));
		assertThat(processors).as(path).first().isEqualTo("memory_limiter");
		assertThat(processors).as(path).last().isEqualTo("batch");
	}

	@ParameterizedTest
	@MethodSource("configurations")
	void scrubbedBeforeWholeTracesAreBuffered(String path) {
		List<String> processors = types(CollectorConfig.load(path).pipeline("processors"));
		if (processors.contains("tail_sampling")) {
			assertThat(processors).as(path).contains("attributes");
			assertThat(processors.indexOf("attributes")).as(path).isLessThan(processors.indexOf("tail_sampling"));
		}
	}

	private static boolean searched(Path file) {
		for (Path name : file) {
			if (NOT_SEARCHED.contains(name.toString())) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasPipelines(String path) {
		try (Reader reader = Files.newBufferedReader(YamlFiles.file(path))) {
			for (Object document : new Yaml().loadAll(reader)) {
				if (document instanceof Map<?, ?> map && map.get("service") instanceof Map<?, ?> service
						&& service.get("pipelines") instanceof Map) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | YAMLException ex) {
			// Unreadable as YAML (a template): not a Collector configuration.
			return false;
		}
	}

}
