package org.chatline.auth;

import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every auth-service integration test: {@code @ServiceIT} plus a fake user-service on
 * a random loopback port. Declaring the dynamic properties once, here, keeps one Spring context for
 * all test classes. auth-service verifies tokens with its own key (see {@code KeyConfiguration}),
 * so tokens in these tests come from real logins, not from {@code TestTokens}.
 */
@ServiceIT
public abstract class AuthServiceIntegrationTest {

	protected static final FakeUserService USER_SERVICE = FakeUserService.start();

	@LocalServerPort
	protected int port;

	protected HttpJson http;

	@DynamicPropertySource
	static void authProperties(DynamicPropertyRegistry registry) {
		registry.add("chat.auth.user-service-url", USER_SERVICE::url);
		registry.add("chat.auth.user-service-load-balanced", () -> "false");
		registry.add("chat.auth.user-service-read-timeout", () -> "2s");
		registry.add("chat.auth.key-dir", () -> "target/it-keys");
	}

	@BeforeEach
	void setUpClient() {
		http = new HttpJson(port);
		USER_SERVICE.mode(FakeUserService.Mode.NORMAL);
	}

	@AfterEach
	void restoreUserService() {
		USER_SERVICE.mode(FakeUserService.Mode.NORMAL);
	}
}
