package org.chatline.auth.session;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.common.events.EventCodec;
import org.chatline.common.security.RevokedSessions;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way a session ends is published on {@link RevokedSessions#CHANNEL} (real Redis pub/sub), so
 * that realtime-service can close the live sockets of that session at once.
 */
class RevokedSessionsChannelIT extends AuthServiceIntegrationTest {

	private static final String PROBE = "probe";

	@Autowired
	RedisConnectionFactory connections;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EventCodec codec;

	private RedisMessageListenerContainer subscriber;

	private final Set<UUID> announced = ConcurrentHashMap.newKeySet();

	private volatile boolean probed;

	@BeforeEach
	void subscribe() {
		subscriber = new RedisMessageListenerContainer();
		subscriber.setConnectionFactory(connections);
		subscriber.addMessageListener((message, pattern) -> {
			String body = new String(message.getBody());
			if (PROBE.equals(body)) {
				probed = true;
			}
			announced.addAll(RevokedSessions.sessionIds(body));
		}, new ChannelTopic(RevokedSessions.CHANNEL));
		subscriber.afterPropertiesSet();
		subscriber.start();
		// The subscription is in place once a message published now comes back.
		await().atMost(10, TimeUnit.SECONDS).until(() -> {
			redis.convertAndSend(RevokedSessions.CHANNEL, PROBE);
			return probed;
		});
	}

	@AfterEach
	void unsubscribe() throws Exception {
		subscriber.stop();
		subscriber.destroy();
	}

	@Test
	void publishesTheSessionOfALogout() {
		String username = AuthFixtures.uniqueUsername("pubout");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode ended = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode kept = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();

		http.post("/api/v1/auth/logout", Map.of("refreshToken", ended.get("refreshToken").asString()),
				bearer(ended));

		awaitAnnounced(AuthFixtures.sessionOf(ended));
		assertThat(announced).doesNotContain(AuthFixtures.sessionOf(kept));
	}

	@Test
	void publishesEverySessionOfALogoutAll() {
		String username = AuthFixtures.uniqueUsername("puball");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode one = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode other = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();

		http.post("/api/v1/auth/logout-all", null, bearer(one));

		awaitAnnounced(AuthFixtures.sessionOf(one), AuthFixtures.sessionOf(other));
	}

	@Test
	void publishesTheSessionWhoseRefreshTokenWasReused() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "pubreuse");
		String first = login.get("refreshToken").asString();
		http.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null);

		assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null).status()).isEqualTo(401);

		awaitAnnounced(AuthFixtures.sessionOf(login));
	}

	@Test
	void publishesEverySessionOfADeletedUser() {
		String username = AuthFixtures.uniqueUsername("pubgone");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode one = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode other = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		UUID id = UUID.fromString(one.get("user").get("id").asString());

		kafka.send(UserEvent.TOPIC, id.toString(), codec.encode(codec.event(id, new UserDeleted(id))));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> announced.containsAll(Set.of(AuthFixtures.sessionOf(one), AuthFixtures.sessionOf(other))));
	}

	private void awaitAnnounced(UUID... sessions) {
		await().atMost(Duration.ofSeconds(5)).until(() -> announced.containsAll(Set.of(sessions)));
	}

	private static String bearer(JsonNode tokens) {
		return "Bearer " + tokens.get("accessToken").asString();
	}
}
