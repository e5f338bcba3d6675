package io.github.oteltracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.opentelemetry.api.GlobalOpenTelemetry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * How the starter's packages may depend on each other and on Spring Boot, for the classes
 * under one root package: the starter's own ({@code io.github.oteltracing}) or a tree of
 * fixtures that break each rule on purpose.
 */
final class HouseRules {

	/**
	 * Spring Boot packages and types that are not the same in every generation (moved or
	 * split into modules in 4.0): named only in {@code internal.boot}.
	 */
	static final String[] GENERATION_SPECIFIC_BOOT_PACKAGES = { "org.springframework.boot.actuate..",
			"org.springframework.boot.health..", "org.springframework.boot.micrometer..",
			"org.springframework.boot.opentelemetry..", "org.springframework.boot.restclient..",
			"org.springframework.boot.web.client..", "org.springframework.boot.autoconfigure.web..",
			"org.springframework.boot.autoconfigure.jdbc..", "org.springframework.boot.autoconfigure.kafka.." };

	/**
	 * Container callbacks that make a class part of the wiring: registered in
	 * {@code spring.factories}, or called by the container's lifecycle.
	 */
	static final String[] SPRING_BOOT_SPI = { "org.springframework.context.ApplicationListener",
			"org.springframework.context.Lifecycle", "org.springframework.beans.factory.SmartInitializingSingleton",
			"org.springframework.boot.diagnostics.FailureAnalyzer", "org.springframework.boot.env.EnvironmentPostProcessor",
			"org.springframework.boot.autoconfigure.AutoConfigurationImportFilter",
			"org.springframework.context.annotation.Condition",
			"org.springframework.context.annotation.ImportBeanDefinitionRegistrar",
			"org.springframework.context.annotation.ImportSelector" };

	// A Spring Boot class name in a string literal: what ArchUnit cannot see.
	private static final Pattern BOOT_CLASS_NAME_LITERAL = Pattern.compile("\"org\\.springframework\\.boot\\.");

	private final String root;

	HouseRules(String root) {
		this.root = root;
	}

	private String packages(String name) {
		return this.root + "." + name + "..";
	}

	ArchRule annotationsStandAlone() {
		return noClasses().that()
			.resideInAPackage(packages("annotation"))
			.should()
			.dependOnClassesThat(resideInAPackage(this.root + "..").and(resideOutsideOfPackage(packages("annotation"))))
			.because("users put the annotations in their domain code")
			.allowEmptyShould(true);
	}

	ArchRule onlyWiringImportsWiring() {
		return noClasses().that()
			.resideOutsideOfPackage(packages("autoconfigure"))
			.should()
			.dependOnClassesThat()
			.resideInAPackage(packages("autoconfigure"))
			.because("capabilities work without the wiring; the wiring puts them together");
	}

	ArchRule onlyWiringNamesSpringBoot() {
		return noClasses().that()
			.resideOutsideOfPackages(packages("autoconfigure"), packages("internal.boot"))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.because("Spring Boot is the wiring's business; capabilities are plain Spring and OpenTelemetry");
	}

	ArchRule onlyBootNamesGenerationSpecificTypes() {
		return noClasses().that()
			.resideOutsideOfPackage(packages("internal.boot"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(GENERATION_SPECIFIC_BOOT_PACKAGES)
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.boot.env.EnvironmentPostProcessor")
			.because("a Spring Boot rename is then a change in boot only");
	}

	ArchRule noPackageCycles() {
		return slices().assignedFrom(new CapabilitySlices(this.root)).should().beFreeOfCycles();
	}

	ArchRule noTestOnlyApi() {
		return noClasses().should()
			.callMethod(GlobalOpenTelemetry.class, "resetForTest")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("io.opentelemetry.sdk.testing..", "org.springframework.boot.test..",
					"org.springframework.test..", "org.junit..", "org.assertj..")
			.because("test-only API breaks what it touches in production");
	}

	ArchRule springBootSpiIsWiring() {
		var rule = noClasses().that()
			.resideOutsideOfPackages(packages("autoconfigure"), packages("internal.boot"))
			.should()
			.beAssignableTo(SPRING_BOOT_SPI[0]);
		for (int i = 1; i < SPRING_BOOT_SPI.length; i++) {
			rule = rule.orShould().beAssignableTo(SPRING_BOOT_SPI[i]);
		}
		return rule.because("what Spring Boot calls by registration or lifecycle is wiring");
	}

	/**
	 * One slice per capability: its package and its internal package
	 * ({@code <root>.internal.<capability>}) together, since an API type and the
	 * implementation behind it may use each other.
	 */
	private static final class CapabilitySlices implements SliceAssignment {

		private final String prefix;

		private final String internalPrefix;

		CapabilitySlices(String root) {
			this.prefix = root + ".";
			this.internalPrefix = root + ".internal.";
		}

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName() + ".";
			String rest = name.startsWith(this.internalPrefix) ? name.substring(this.internalPrefix.length())
					: name.startsWith(this.prefix) ? name.substring(this.prefix.length()) : null;
			return (rest == null || rest.isEmpty()) ? SliceIdentifier.ignore()
					: SliceIdentifier.of(rest.substring(0, rest.indexOf('.')));
		}

		@Override
		public String getDescription() {
			return "capabilities of " + this.prefix + "*";
		}

	}

	/**
	 * Source files that spell a Spring Boot class name in a string, outside {@code boot}.
	 * @param sources the source root
	 * @return the offending files and lines
	 */
	List<String> bootClassNameLiterals(Path sources) {
		Path tree = sources.resolve(this.root.replace('.', '/'));
		Path boot = tree.resolve("internal/boot");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(tree)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java") && !path.startsWith(boot))
				.sorted()
				.toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (BOOT_CLASS_NAME_LITERAL.matcher(lines.get(i)).find()) {
						found.add(tree.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

}
