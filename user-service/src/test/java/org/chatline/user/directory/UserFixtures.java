package org.chatline.user.directory;

import java.util.Map;
import java.util.UUID;

import org.chatline.common.test.TestTokens;

/** Fresh, unique users for tests (the test database keeps data between runs). */
final class UserFixtures {

	/** What auth-service, the one caller of the internal user API, sends. */
	static final String AUTH_SERVICE = TestTokens.serviceBearer("auth-service");

	private UserFixtures() {
	}

	static String uniqueUsername(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	static Map<String, Object> newUser(UUID id, String username) {
		return Map.of("id", id.toString(), "username", username, "email", username.toLowerCase() + "@example.com");
	}

	static Map<String, Object> newUser(String prefix) {
		return newUser(UUID.randomUUID(), uniqueUsername(prefix));
	}
}
