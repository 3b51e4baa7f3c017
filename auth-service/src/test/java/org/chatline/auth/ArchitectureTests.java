package org.chatline.auth;

import java.util.stream.Stream;

import org.chatline.common.test.PlatformArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The rules every service keeps ({@link PlatformArchitecture}), one test each. */
class ArchitectureTests {

	@TestFactory
	Stream<DynamicTest> platformRules() {
		return PlatformArchitecture.of("org.chatline.auth").rules();
	}
}
