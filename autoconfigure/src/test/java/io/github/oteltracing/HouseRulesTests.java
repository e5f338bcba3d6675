package io.github.oteltracing;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules ({@link HouseRules}), on the starter's own classes.
 */
class HouseRulesTests {

	// This module's classes only, not those of the test dependencies in the same packages.
	private static final JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));

	private final HouseRules rules = new HouseRules("io.github.oteltracing");

	@Test
	void annotationsImportNothingElseOfTheProject() {
		this.rules.annotationsStandAlone().check(classes);
	}

	@Test
	void onlyTheWiringImportsTheWiring() {
		this.rules.onlyWiringImportsWiring().check(classes);
	}

	@Test
	void onlyTheWiringNamesSpringBoot() {
		this.rules.onlyWiringNamesSpringBoot().check(classes);
	}

	@Test
	void onlyBootNamesTypesThatDifferBetweenSpringBootGenerations() {
		this.rules.onlyBootNamesGenerationSpecificTypes().check(classes);
	}

	@Test
	void onlyBootSpellsSpringBootClassNames() {
		assertThat(this.rules.bootClassNameLiterals(Path.of("src/main/java"))).isEmpty();
	}

	@Test
	void packagesHaveNoCycles() {
		this.rules.noPackageCycles().check(classes);
	}

	@Test
	void productionCodeUsesNoTestOnlyApi() {
		this.rules.noTestOnlyApi().check(classes);
	}

	@Test
	void springBootSpiLivesWithTheWiring() {
		this.rules.springBootSpiIsWiring().check(classes);
	}

}
