package io.github.oteltracing;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each house rule ({@link HouseRules}) reports the fixture class that breaks it on
 * purpose, and not the ones that keep it.
 */
class HouseRulesFixtureTests {

	private static final String ROOT = "io.github.oteltracing.archfixtures";

	private static final JavaClasses fixtures = new ClassFileImporter().importPackages(ROOT);

	private final HouseRules rules = new HouseRules(ROOT);

	@Test
	void annotationThatImportsTheProjectIsReported() {
		assertReports(this.rules.annotationsStandAlone(), "AnnotationSupportThatImportsACapability");
	}

	@Test
	void capabilityThatImportsTheWiringIsReported() {
		assertReports(this.rules.onlyWiringImportsWiring(), "CapabilityThatImportsWiring");
	}

	@Test
	void capabilityThatNamesSpringBootIsReported() {
		assertReports(this.rules.onlyWiringNamesSpringBoot(), "CapabilityThatNamesSpringBoot");
	}

	@Test
	void generationSpecificSpringBootTypeOutsideBootIsReported() {
		assertReports(this.rules.onlyBootNamesGenerationSpecificTypes(), "WiringThatNamesBoot3Health");
	}

	@Test
	void springBootClassNameStringOutsideBootIsReported() {
		assertThat(this.rules.bootClassNameLiterals(Path.of("src/test/java"))).singleElement()
			.asString()
			.startsWith("sdk/CapabilityWithBootClassNameString.java:");
	}

	@Test
	void packageCycleIsReported() {
		EvaluationResult result = this.rules.noPackageCycles().evaluate(fixtures);
		assertThat(result.hasViolation()).isTrue();
		assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("alpha", "beta");
	}

	@Test
	void testOnlyApiIsReported() {
		assertReports(this.rules.noTestOnlyApi(), "CapabilityThatResetsTheGlobal");
	}

	@Test
	void springBootSpiOutsideTheWiringIsReported() {
		assertReports(this.rules.springBootSpiIsWiring(), "CapabilityThatListens", "CapabilityWithLifecycle");
	}

	private static void assertReports(ArchRule rule, String... violators) {
		EvaluationResult result = rule.evaluate(fixtures);
		assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
		String report = String.join("\n", result.getFailureReport().getDetails());
		for (String violator : violators) {
			assertThat(report).contains(ROOT + ".").contains("." + violator);
		}
		assertThat(report).as("only fixtures that break the rule").doesNotContain(".Wiring ", ".PlainCapability ");
	}

}
