package io.github.oteltracing.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's auto-configurations as Spring Boot discovers them, through the
 * registration file: a configuration missing from it fails these tests.
 */
final class TracingAutoConfigurationsSupport {

	private TracingAutoConfigurationsSupport() {
	}

	static AutoConfigurations registered() {
		return registeredExcept();
	}

	/**
	 * The registered auto-configurations, less some, as with
	 * {@code spring.autoconfigure.exclude}.
	 * @param excluded the auto-configurations to leave out
	 * @return the others
	 */
	static AutoConfigurations registeredExcept(Class<?>... excluded) {
		List<String> left = Arrays.stream(excluded).map(Class::getName).toList();
		List<String> names = ImportCandidates.load(AutoConfiguration.class, TracingAutoConfigurationsSupport.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.github.oteltracing."))
			.filter((name) -> !left.contains(name))
			.toList();
		Class<?>[] classes = names.stream().map(TracingAutoConfigurationsSupport::load).toArray(Class<?>[]::new);
		return AutoConfigurations.of(classes);
	}

	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(registered());
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Registered auto-configuration " + name + " does not exist", ex);
		}
	}

}
