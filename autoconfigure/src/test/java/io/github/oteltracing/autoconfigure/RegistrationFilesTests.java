package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class named in the starter's registration files exists and is of the kind its
 * key says, and every auto-configuration is registered, so that moving or renaming a
 * class cannot leave a registration behind.
 */
class RegistrationFilesTests {

	private static final Path RESOURCES = Path.of("src/main/resources/META-INF");

	private static final ClassLoader classLoader = RegistrationFilesTests.class.getClassLoader();

	@Test
	void factoriesNameClassesOfTheirKeysType() throws IOException {
		for (Path file : List.of(RESOURCES.resolve("spring.factories"), RESOURCES.resolve("spring/aot.factories"))) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new FileSystemResource(file));
			assertThat(factories).as(file.toString()).isNotEmpty();
			factories.forEach((key, value) -> {
				Class<?> type = ClassUtils.resolveClassName((String) key, classLoader);
				for (String name : StringUtils.commaDelimitedListToStringArray((String) value)) {
					assertThat(ClassUtils.resolveClassName(name.strip(), classLoader)).as("%s in %s", name, file)
						.isAssignableTo(type);
				}
			});
		}
	}

	@Test
	void servicesNameImplementations() throws IOException {
		try (Stream<Path> files = Files.list(RESOURCES.resolve("services"))) {
			for (Path file : files.toList()) {
				Class<?> type = ClassUtils.resolveClassName(file.getFileName().toString(), classLoader);
				for (String name : lines(file)) {
					assertThat(ClassUtils.resolveClassName(name, classLoader)).as("%s in %s", name, file)
						.isAssignableTo(type);
				}
			}
		}
	}

	@Test
	void everyAutoConfigurationIsRegisteredAndEveryRegisteredOneIsAnAutoConfiguration() throws IOException {
		List<String> registered = lines(
				RESOURCES.resolve("spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
		for (String name : registered) {
			assertThat(ClassUtils.resolveClassName(name, classLoader).isAnnotationPresent(AutoConfiguration.class))
				.as(name)
				.isTrue();
		}
		List<String> declared = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (Files.readString(source).contains("\n@AutoConfiguration")) {
					String path = Path.of("src/main/java").relativize(source).toString();
					declared.add(path.substring(0, path.length() - ".java".length()).replace('/', '.'));
				}
			}
		}
		assertThat(registered).containsExactlyInAnyOrderElementsOf(declared);
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

}
