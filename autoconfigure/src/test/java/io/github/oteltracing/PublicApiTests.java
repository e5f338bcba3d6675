package io.github.oteltracing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types outside {@code io.github.oteltracing.internal} are exactly the ones
 * the README's API section lists: a new public type is either API, and documented, or
 * internal.
 */
class PublicApiTests {

	private static final Pattern API_ROW = Pattern.compile("^\\| `(io\\.github\\.oteltracing\\.[\\w.]+)` \\|");

	@Test
	void publicTypesAreTheDocumentedApi() throws IOException {
		List<String> publicTypes = new ClassFileImporter().importPath(Path.of("target/classes"))
			.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.filter((name) -> !name.startsWith("io.github.oteltracing.internal."))
			.filter((name) -> !name.endsWith(".package-info"))
			.toList();
		assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(readmeApi());
	}

	private static List<String> readmeApi() throws IOException {
		String readme = Files.readString(Path.of("../README.md"));
		String section = readme.substring(readme.indexOf("\n## API\n"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		return section.lines().map(API_ROW::matcher).filter(Matcher::find).map((row) -> row.group(1)).toList();
	}

}
