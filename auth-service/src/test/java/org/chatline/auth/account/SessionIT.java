package org.chatline.auth.account;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.auth.FakeUserService;
import org.chatline.auth.HttpJson;
import org.chatline.common.events.EventCodec;
import org.chatline.common.security.RevokedSessions;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SessionIT extends AuthServiceIntegrationTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EventCodec codec;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	private HttpJson.Reply refresh(String refreshToken) {
		return http.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null);
	}

	private static String bearer(JsonNode tokens) {
		return "Bearer " + tokens.get("accessToken").asString();
	}

	@Test
	void rotatesTheRefreshToken() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "rot");

		HttpJson.Reply reply = refresh(login.get("refreshToken").asString());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("Token refreshed successfully");
		assertThat(reply.data().propertyNames()).containsExactlyInAnyOrder("accessToken", "refreshToken");
		assertThat(reply.data().get("refreshToken").asString()).isNotEqualTo(login.get("refreshToken").asString());
		assertThat(http.get("/api/v1/auth/me", bearer(reply.data())).status()).isEqualTo(200);
		assertThat(refresh(reply.data().get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void revokesTheWholeFamilyWhenAUsedRefreshTokenComesBack() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "reuse");
		String first = login.get("refreshToken").asString();
		String second = refresh(first).data().get("refreshToken").asString();

		HttpJson.Reply replay = refresh(first);

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("UNAUTHORIZED");
		assertThat(refresh(second).status()).as("the legitimate holder's token is revoked too").isEqualTo(401);
	}

	@Test
	void keepsOtherSessionsWhenOneFamilyIsRevoked() {
		String username = AuthFixtures.uniqueUsername("two");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		String phone = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data().get("refreshToken").asString();
		String laptop = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data().get("refreshToken").asString();
		refresh(phone);
		refresh(phone);

		assertThat(refresh(laptop).status()).isEqualTo(200);
	}

	@Test
	void refusesAnAccessTokenOrGarbageAsARefreshToken() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "type");

		assertThat(refresh(login.get("accessToken").asString()).status()).isEqualTo(401);
		assertThat(refresh("not-a-token").status()).isEqualTo(401);
		assertThat(http.post("/api/v1/auth/refresh", Map.of(), null).status()).isEqualTo(400);
	}

	@Test
	void answers503OnRefreshWhenUserServiceIsDownWithoutUsingUpTheToken() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "r503");
		USER_SERVICE.mode(FakeUserService.Mode.FAIL);

		assertThat(refresh(login.get("refreshToken").asString()).status()).isEqualTo(503);

		USER_SERVICE.mode(FakeUserService.Mode.NORMAL);
		assertThat(refresh(login.get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void logsOutOneSession() {
		String username = AuthFixtures.uniqueUsername("out");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode one = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode other = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();

		HttpJson.Reply reply = http.post("/api/v1/auth/logout",
				Map.of("refreshToken", one.get("refreshToken").asString()), bearer(one));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("Logout successful");
		assertThat(reply.body().has("data")).isTrue();
		assertThat(refresh(one.get("refreshToken").asString()).status()).isEqualTo(401);
		assertThat(refresh(other.get("refreshToken").asString()).status()).isEqualTo(200);
		assertThat(announcedRevoked(one)).isTrue();
		assertThat(announcedRevoked(other)).isFalse();
	}

	@Test
	void refusesLogoutWithoutAnAccessTokenOrWithSomeoneElsesRefreshToken() {
		JsonNode mine = AuthFixtures.registeredAndLoggedIn(http, "mine");
		JsonNode theirs = AuthFixtures.registeredAndLoggedIn(http, "theirs");

		assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", mine.get("refreshToken").asString()), null)
			.status()).isEqualTo(401);
		assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", theirs.get("refreshToken").asString()),
				bearer(mine))
			.status()).isEqualTo(401);
		assertThat(refresh(theirs.get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void logsOutEverySession() {
		String username = AuthFixtures.uniqueUsername("all");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode one = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		JsonNode other = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();

		HttpJson.Reply reply = http.post("/api/v1/auth/logout-all", null, bearer(one));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("Logged out from all devices");
		assertThat(refresh(one.get("refreshToken").asString()).status()).isEqualTo(401);
		assertThat(refresh(other.get("refreshToken").asString()).status()).isEqualTo(401);
		assertThat(http.post("/api/v1/auth/logout-all", null, null).status()).isEqualTo(401);
		assertThat(announcedRevoked(one)).isTrue();
		assertThat(announcedRevoked(other)).isTrue();
	}

	/** Whether the edge was told that the session of these tokens ended (the access token's sid). */
	private boolean announcedRevoked(JsonNode tokens) {
		return Boolean.TRUE.equals(redis.hasKey(RevokedSessions.key(AuthFixtures.sessionOf(tokens))));
	}

	@Test
	void forgetsCredentialsAndSessionsWhenUserServiceDeletesTheUser() {
		String username = AuthFixtures.uniqueUsername("gone");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode login = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		UUID id = UUID.fromString(login.get("user").get("id").asString());

		String event = codec.encode(codec.event(id, new UserDeleted(id)));
		kafka.send(UserEvent.TOPIC, id.toString(), event);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(jdbc.queryForObject("select count(*) from credentials where user_id = ?", Integer.class, id))
				.isZero();
			assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where user_id = ?", Integer.class, id))
				.isZero();
		});
		assertThat(http.post("/api/v1/auth/login", AuthFixtures.login(username), null).status()).isEqualTo(401);
		assertThat(refresh(login.get("refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void answers404ForMeOnceTheUserIsGone() {
		String username = AuthFixtures.uniqueUsername("me404");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		JsonNode login = http.post("/api/v1/auth/login", AuthFixtures.login(username), null).data();
		USER_SERVICE.remove(UUID.fromString(login.get("user").get("id").asString()));

		HttpJson.Reply me = http.get("/api/v1/auth/me", bearer(login));

		assertThat(me.status()).isEqualTo(404);
		assertThat(me.code()).isEqualTo("NOT_FOUND");
		assertThat(refresh(login.get("refreshToken").asString()).status()).isEqualTo(401);
	}
}
