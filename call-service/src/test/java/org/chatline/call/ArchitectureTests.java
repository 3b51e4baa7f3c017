package org.chatline.call;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The features' dependencies point one way: calls use users, groups and jitsi, never the reverse. */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chatline.call");

	@Test
	void directoriesAndJitsiDoNotDependOnCalls() {
		noClasses().that()
			.resideInAnyPackage("..call.users..", "..call.groups..", "..call.jitsi..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..call.calls..")
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherSideways() {
		noClasses().that().resideInAPackage("..call.users..").should().dependOnClassesThat()
			.resideInAnyPackage("..call.groups..", "..call.jitsi..").check(CLASSES);
		noClasses().that().resideInAPackage("..call.groups..").should().dependOnClassesThat()
			.resideInAnyPackage("..call.users..", "..call.jitsi..").check(CLASSES);
		noClasses().that().resideInAPackage("..call.jitsi..").should().dependOnClassesThat()
			.resideInAnyPackage("..call.users..", "..call.groups..").check(CLASSES);
	}

	@Test
	void onlyTheCallsFeatureServesHttp() {
		noClasses().that()
			.resideOutsideOfPackage("..call.calls..")
			.should()
			.beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.check(CLASSES);
	}
}
