package org.chatline.group;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The packages that exist: {@code groups} (the feature) and {@code users} (the user projection it consults). */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chatline.group");

	@Test
	void theUserDirectoryKnowsNothingAboutGroups() {
		noClasses().that().resideInAPackage("..group.users..")
			.should().dependOnClassesThat().resideInAPackage("..group.groups..")
			.check(classes);
	}

	@Test
	void eventsLeaveOnlyThroughTheOutbox() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
			.because("a state change and its event must commit together (OutboxWriter)")
			.check(classes);
	}

	@Test
	void repositoriesStayPackagePrivateInsideTheGroupsFeature() {
		classes().that().haveSimpleNameEndingWith("Repository")
			.should().resideInAPackage("..group.groups..")
			.andShould().notBePublic()
			.check(classes);
	}

	@Test
	void controllersDoNotUseTheCommonOutboxDirectly() {
		noClasses().that().haveSimpleNameEndingWith("Controller")
			.should().dependOnClassesThat().resideInAPackage("org.chatline.common.outbox..")
			.check(classes);
	}
}
