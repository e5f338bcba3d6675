package io.github.oteltracing.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the repository's YAML files (Compose, Collector, Kubernetes), and walks them with checks
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
		try (Reader reader = Files.newBufferedReader(file(path))) {
			return new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}

	/**
	 * Loads every document of a multi-document file (Kubernetes manifests) relative to the
	 * repository root.
	 * @param path the path from the repository root
	 * @return the documents, in order; empty documents left out
	 */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> loadAll(String path) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file(path))) {
			for (Object document : new Yaml().loadAll(reader)) {
				if (document != null) {
					assertThat(document).as("a document of %s", path).isInstanceOf(Map.class);
					documents.add((Map<String, Object>) document);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
		return documents;
	}

	/**
	 * Resolves a path relative to the repository root.
	 * @param path the path from the repository root
	 * @return the file
	 */
	static Path file(String path) {
		// Tests run in the module's directory: the repository root is its parent.
		return Path.of(System.getProperty("basedir", ".")).resolve("..").resolve(path).normalize();
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
