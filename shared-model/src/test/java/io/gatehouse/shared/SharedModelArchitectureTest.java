package io.gatehouse.shared;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * shared-model is a library any resource server can embed: it must not drag in Spring or JPA.
 */
class SharedModelArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.gatehouse.shared");

	@Test
	void sharedModelHasClasses() {
		// Guard against a rule that passes vacuously because nothing was imported.
		org.assertj.core.api.Assertions.assertThat(this.classes).isNotEmpty();
	}

	@Test
	void sharedModelDoesNotDependOnSpringOrJpa() {
		ArchRule rule = noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..",
					"javax.persistence..")
			.allowEmptyShould(false);
		rule.check(this.classes);
	}

}
