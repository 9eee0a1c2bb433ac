package io.gatehouse.userpool;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of STYLE.md: the Cognito adapter translates and delegates (no repositories, no
 * entities), features do not depend on the adapter, and JPA entities stay inside their feature package.
 */
class UserPoolArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.gatehouse.userpool");

	@Test
	void classesWereImported() {
		assertThat(this.classes.containPackage("io.gatehouse.userpool.cognito")).isTrue();
		assertThat(this.classes.that(DescribedPredicate.describe("entities", (JavaClass c) -> c.isAnnotatedWith(Entity.class))))
			.isNotEmpty();
	}

	@Test
	void cognitoAdapterDoesNotTouchRepositoriesOrEntities() {
		noClasses().that()
			.resideInAPackage("..userpool.cognito..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.areAnnotatedWith(Entity.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..")
			.check(this.classes);
	}

	@Test
	void featuresDoNotDependOnTheCognitoAdapter() {
		noClasses().that()
			.resideOutsideOfPackage("..userpool.cognito..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..userpool.cognito..")
			.allowEmptyShould(true)
			.check(this.classes);
	}

	@Test
	void entitiesAreUsedOnlyInsideTheirOwnPackage() {
		classes().that().areAnnotatedWith(Entity.class).should(beUsedOnlyInTheirOwnPackage()).check(this.classes);
	}

	private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
		return new ArchCondition<>("be used only inside their own package") {

			@Override
			public void check(JavaClass entity, ConditionEvents events) {
				for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
					JavaClass origin = dependency.getOriginClass();
					if (!origin.getPackageName().equals(entity.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

}
