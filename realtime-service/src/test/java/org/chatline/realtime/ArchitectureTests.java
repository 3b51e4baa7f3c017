package org.chatline.realtime;

import java.util.stream.Stream;

import org.chatline.common.test.PlatformArchitecture;
import org.chatline.common.test.PlatformArchitecture.Rule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The rules every service keeps ({@link PlatformArchitecture}), one test each. */
class ArchitectureTests {

	@TestFactory
	Stream<DynamicTest> platformRules() {
		return PlatformArchitecture.of("org.chatline.realtime")
			.except(Rule.ONLY_THE_OUTBOX_PUBLISHES,
					"typing and presence are ephemeral signals published straight to Kafka: this service has no "
							+ "database for an outbox, and a lost signal is superseded by the next one",
					"org.chatline.realtime.typing.TypingHandler", "org.chatline.realtime.presence.PresencePublisher",
					"org.chatline.realtime.presence.PresenceConfiguration")
			.rules();
	}
}
