package org.chatline.auth.session;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.common.security.RevokedSessions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Revocations outlive the loss of their Redis keys: the database is the record, and auth-service announces them again. */
class RevokedSessionsResyncIT extends AuthServiceIntegrationTest {

	@Autowired
	RevokedSessionsPublisher publisher;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void announcesARecentRevocationAgainAfterRedisLostItForTheRestOfItsTime() {
		String username = AuthFixtures.uniqueUsername("resync");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode ended = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode active = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", ended.get("refreshToken").asString()),
				"Bearer " + ended.get("accessToken").asString())
			.status()).isEqualTo(200);
		String endedKey = RevokedSessions.key(AuthFixtures.sessionOf(ended));
		assertThat(redis.hasKey(endedKey)).isTrue();

		redis.delete(endedKey);
		publisher.resync();

		assertThat(redis.hasKey(endedKey)).as("announced again").isTrue();
		// The access token lives 15 minutes; the key one more, counted from the logout, not from now.
		assertThat(redis.getExpire(endedKey, TimeUnit.SECONDS)).isBetween(Duration.ofMinutes(15).toSeconds(),
				Duration.ofMinutes(16).toSeconds());
		assertThat(redis.hasKey(RevokedSessions.key(AuthFixtures.sessionOf(active)))).as("a live session is not revoked").isFalse();
	}

	@Test
	void leavesRevocationsOlderThanAnAccessTokenAlone() {
		String username = AuthFixtures.uniqueUsername("oldrev");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode login = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		UUID session = AuthFixtures.sessionOf(login);
		jdbc.update("update refresh_tokens set revoked_at = now() - interval '20 minutes' where family_id = ?", session);

		publisher.resync();

		assertThat(redis.hasKey(RevokedSessions.key(session))).as("every access token of it has expired").isFalse();
	}

}
