package org.chatline.group;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.chatline.common.test.PlatformArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps ({@link PlatformArchitecture}), and this service's own: the packages
 * that exist are {@code groups} (the feature) and {@code users} (the user projection it consults).
 */
class ArchitectureTests {

	@TestFactory
	Stream<DynamicTest> platformRules() {
		return PlatformArchitecture.of("org.chatline.group").rules();
	}

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chatline.group");

	@Test
	void theUserDirectoryKnowsNothingAboutGroups() {
		noClasses().that().resideInAPackage("..group.users..")
			.should().dependOnClassesThat().resideInAPackage("..group.groups..")
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
