package io.github.oteltracing;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules ({@link HouseRules}), on the starter's own classes.
 */
class HouseRulesTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.oteltracing");

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
