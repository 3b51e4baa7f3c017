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

	/** A test-only master secret: the other services' secrets are derived from it. */
	protected static final String MASTER_SECRET = "test-master-secret-0123456789abcdef";

	@LocalServerPort
	protected int port;

	protected HttpJson http;

	@DynamicPropertySource
	static void authProperties(DynamicPropertyRegistry registry) {
		registry.add("chat.clients.user-service.url", USER_SERVICE::url);
		registry.add("chat.clients.user-service.load-balanced", () -> "false");
		registry.add("chat.clients.user-service.read-timeout", () -> "2s");
		registry.add("chat.auth.key-dir", () -> "target/it-keys");
		// Undo retries within the tests' waits; the grace still outlasts any registration in progress.
		registry.add("chat.auth.registration-undo.retry-interval", () -> "300ms");
		registry.add("chat.auth.registration-undo.grace", () -> "5s");
		// Lets ReadinessIT see which part of readiness is DOWN.
		registry.add("management.endpoint.health.group.readiness.show-components", () -> "always");
		registry.add("chat.auth.service-tokens.master-secret", () -> MASTER_SECRET);
		// All failed attempts come from 127.0.0.1 here; FailedAttemptsTests covers the limit.
		registry.add("chat.auth.service-tokens.max-failures", () -> "1000");
	}

	@BeforeEach
	void setUpClient() {
		http = new HttpJson(port);
		USER_SERVICE.mode(FakeUserService.Mode.NORMAL);
	}

	@AfterEach
	void restoreUserService() {
		USER_SERVICE.mode(FakeUserService.Mode.NORMAL);
		USER_SERVICE.failDeletes(0);
	}
}
