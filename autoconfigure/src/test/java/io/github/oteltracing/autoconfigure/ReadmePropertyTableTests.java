package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's property table and the generated IDE metadata list the same keys.
 */
class ReadmePropertyTableTests {

	private static final Pattern TABLE_KEY = Pattern.compile("^\\| `(tracing\\.[a-z0-9.\\-]+?)(\\.\\*)?` \\|",
			Pattern.MULTILINE);

	@Test
	void readmeTableListsEveryKeyOfTheMetadata() throws IOException {
		Set<String> metadata = new TreeSet<>(metadataKeys());
		Set<String> readme = new TreeSet<>(readmeKeys());
		assertThat(metadata).isNotEmpty();
		assertThat(readme).isEqualTo(metadata);
	}

	private static List<String> metadataKeys() throws IOException {
		try (InputStream json = ReadmePropertyTableTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(json).as("generated configuration metadata").isNotNull();
			return JsonPath.read(new String(json.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*].name");
		}
	}

	private static List<String> readmeKeys() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Matcher matcher = TABLE_KEY.matcher(readme);
		List<String> keys = new java.util.ArrayList<>();
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

}
