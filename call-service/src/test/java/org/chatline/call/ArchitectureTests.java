package org.chatline.call;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.chatline.common.test.PlatformArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps ({@link PlatformArchitecture}), and this service's own: the features'
 * dependencies point one way, calls use users, groups and jitsi, never the reverse.
 */
class ArchitectureTests {

	@TestFactory
	Stream<DynamicTest> platformRules() {
		return PlatformArchitecture.of("org.chatline.call").rules();
	}

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
