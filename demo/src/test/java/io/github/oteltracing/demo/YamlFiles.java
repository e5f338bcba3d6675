package io.github.oteltracing.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the repository's YAML files (the Compose stack's), and walks them with checks
 * that name the path of what is missing.
 */
final class YamlFiles {

	private YamlFiles() {
	}

	/**
	 * Loads a file relative to the repository root.
	 * @param path the path from the repository root
	 * @return the document
	 */
	static Map<String, Object> load(String path) {
		// Tests run in the module's directory: the repository root is its parent.
		Path file = Path.of(System.getProperty("basedir", ".")).resolve("..").resolve(path).normalize();
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> parent, String... keys) {
		Object value = parent;
		StringBuilder path = new StringBuilder();
		for (String key : keys) {
			path.append('/').append(key);
			assertThat(value).as("parent of %s", path).isInstanceOf(Map.class);
			value = ((Map<String, Object>) value).get(key);
		}
		assertThat(value).as(path.toString()).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
		List<Object> values = list(parent, key);
		assertThat(values).as(key).allMatch(Map.class::isInstance);
		return values.stream().map((value) -> (Map<String, Object>) value).toList();
	}

}
