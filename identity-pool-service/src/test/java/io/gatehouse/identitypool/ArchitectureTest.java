package io.gatehouse.identitypool;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries STYLE.md asks for, kept by rules rather than by review. */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.gatehouse.identitypool");

	@Test
	void wireAdaptersNeverTouchRepositoriesOrEntities() {
		noClasses().that()
			.resideInAnyPackage("..cognito..", "..iam..", "..sts..", "..decision..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAnnotatedWith(jakarta.persistence.Entity.class)
			.check(CLASSES);
	}

	@Test
	void entitiesAndRepositoriesArePackagePrivate() {
		classes().that().areAnnotatedWith(jakarta.persistence.Entity.class).should().notBePublic().check(CLASSES);
		classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
	}

}
