package org.chatline.realtime;

import java.util.UUID;

import org.chatline.common.test.ServiceIT;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test here, so they share one Spring context: the common
 * {@link ServiceIT} setup plus a Socket.IO server on a free port with a short ping interval (the
 * raw polling client relies on it: every long-poll GET is answered within a second), short presence
 * timings, a session sweep every second, a small {@code message:send} limit counted under a key
 * prefix of this JVM's own (Redis is shared with other runs), and message-, group- and call-service
 * played by in-test HTTP servers.
 */
@ServiceIT
abstract class RealtimeITSupport {

	/** The rate-limit buckets of this test JVM: {@code <prefix>:<rule>:<subject>}. */
	static final String RATE_LIMIT_PREFIX = "rl-it-" + UUID.randomUUID();

	static final int MESSAGES_LIMIT = 5;

	@DynamicPropertySource
	static void realtime(DynamicPropertyRegistry registry) {
		registry.add("chat.realtime.socket-port", () -> 0);
		registry.add("chat.realtime.bind-host", () -> "127.0.0.1");
		registry.add("chat.realtime.ping-interval", () -> "1s");
		registry.add("chat.realtime.ping-timeout", () -> "60s");
		registry.add("chat.realtime.auth-timeout", () -> "3s");
		registry.add("chat.realtime.presence.grace", () -> "1s");
		registry.add("chat.realtime.presence.heartbeat", () -> "1s");
		registry.add("chat.realtime.presence.ttl", () -> "5s");
		registry.add("chat.realtime.session-sweep", () -> "1s");
		registry.add("chat.realtime.forwards-queued-per-user", () -> "8");
		registry.add("chat.realtime.rate-limits.enabled", () -> "true");
		registry.add("chat.realtime.rate-limits.key-prefix", () -> RATE_LIMIT_PREFIX);
		registry.add("chat.realtime.rate-limits.messages.limit", () -> MESSAGES_LIMIT);
		registry.add("chat.realtime.rate-limits.messages.window", () -> "1m");
		registry.add("spring.cloud.discovery.client.simple.instances.message-service[0].uri",
				MessageServiceStub.INSTANCE::url);
		registry.add("spring.cloud.discovery.client.simple.instances.group-service[0].uri",
				GroupServiceStub.INSTANCE::url);
		registry.add("spring.cloud.discovery.client.simple.instances.call-service[0].uri",
				CallServiceStub.INSTANCE::url);
	}
}
