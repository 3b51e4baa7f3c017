package org.chatline.attachment;

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
 * The rules every service keeps ({@link PlatformArchitecture}), and this service's own: attachments
 * use storage, media and conversations; those three know nothing of attachments nor of each other.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.chatline.attachment");

	@TestFactory
	Stream<DynamicTest> platformRules() {
		return PlatformArchitecture.of("org.chatline.attachment").rules();
	}

	@Test
	void buildingBlocksDoNotDependOnAttachments() {
		noClasses().that()
			.resideInAnyPackage("..attachment.storage..", "..attachment.media..", "..attachment.conversations..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..attachment.attachments..")
			.check(CLASSES);
	}

	@Test
	void mediaIsPureAndStorageKnowsNoConversations() {
		noClasses().that().resideInAPackage("..attachment.media..").should().dependOnClassesThat()
			.resideInAnyPackage("..attachment.storage..", "..attachment.conversations..", "org.springframework..")
			.check(CLASSES);
		noClasses().that().resideInAPackage("..attachment.storage..").should().dependOnClassesThat()
			.resideInAnyPackage("..attachment.conversations..", "..attachment.media..").check(CLASSES);
	}
}
