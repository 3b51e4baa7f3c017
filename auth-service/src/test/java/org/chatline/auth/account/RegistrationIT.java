package org.chatline.auth.account;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.auth.FakeUserService;
import org.chatline.auth.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RegistrationIT extends AuthServiceIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registersAUserAndAnswersWithTheContractFields() {
		String username = AuthFixtures.uniqueUsername("john");

		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.body().get("success").asBoolean()).isTrue();
		assertThat(reply.message()).isEqualTo("User registered successfully");
		JsonNode data = reply.data();
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "username", "email", "avatar",
				"statusMessage", "role", "isOnline", "lastSeen", "createdAt", "updatedAt");
		assertThat(data.get("username").asString()).isEqualTo(username);
		assertThat(data.get("email").asString()).isEqualTo(AuthFixtures.emailOf(username));
		assertThat(data.get("role").asString()).isEqualTo("USER");
		assertThat(data.get("isOnline").asBoolean()).isFalse();
		UUID id = UUID.fromString(data.get("id").asString());
		assertThat(USER_SERVICE.has(id)).isTrue();
		String hash = jdbc.queryForObject("select password_hash from credentials where user_id = ?", String.class, id);
		assertThat(hash).startsWith("$2a$10$").doesNotContain(AuthFixtures.PASSWORD);
		assertThat(pendingDeletions(id)).as("nothing left to undo").isZero();
	}

	@Test
	void passesAConflictFromUserServiceThrough() {
		String username = AuthFixtures.uniqueUsername("dup");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		HttpJson.Reply reply = http.post("/api/v1/auth/register", Map.of("username", username.toUpperCase(), "email",
				UUID.randomUUID() + "@example.com", "password", AuthFixtures.PASSWORD), null);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("CONFLICT");
		assertThat(reply.message()).isEqualTo("Username already taken");
	}

	@Test
	void rejectsInvalidRegistrationsWithValidationErrors() {
		String ok = AuthFixtures.uniqueUsername("ok");
		assertInvalid(Map.of("username", "ab", "email", AuthFixtures.emailOf(ok), "password", "Password123"),
				"username");
		assertInvalid(Map.of("username", "bad-name", "email", AuthFixtures.emailOf(ok), "password", "Password123"),
				"username");
		assertInvalid(Map.of("username", "x".repeat(51), "email", AuthFixtures.emailOf(ok), "password", "Password123"),
				"username");
		assertInvalid(Map.of("username", ok, "email", "not-an-email", "password", "Password123"), "email");
		assertInvalid(Map.of("username", ok, "email", "a@b", "password", "Password123"), "email");
		assertInvalid(Map.of("username", ok, "email", AuthFixtures.emailOf(ok), "password", "Pass123"), "password");
		assertInvalid(Map.of("username", ok, "email", AuthFixtures.emailOf(ok), "password", "password123"),
				"password");
		assertInvalid(Map.of("username", ok, "email", AuthFixtures.emailOf(ok), "password", "PASSWORD123"),
				"password");
		assertInvalid(Map.of("username", ok, "email", AuthFixtures.emailOf(ok), "password", "Passwordxyz"),
				"password");
		assertInvalid(Map.of("username", ok, "email", AuthFixtures.emailOf(ok)), "password");
		assertThat(http.post("/api/v1/auth/register", "{not json", null).status()).isEqualTo(400);
		assertThat(USER_SERVICE.idOf(ok)).isNull();
	}

	@Test
	void keepsTryingToDeleteTheOrphanUntilUserServiceConfirms() {
		String username = AuthFixtures.uniqueUsername("orphan");
		jdbc.update(
				"insert into credentials (user_id, email, password_hash, created_at, updated_at) values (?, ?, 'x', now(), now())",
				UUID.randomUUID(), AuthFixtures.emailOf(username));
		USER_SERVICE.failDeletes(1);

		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(USER_SERVICE.created()).contains(username);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(USER_SERVICE.idOf(username)).isNull());
		UUID id = USER_SERVICE.lastRequestedId();
		assertThat(USER_SERVICE.deleted()).as("the refused attempt, then the retry")
			.filteredOn(id::equals)
			.hasSizeGreaterThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pendingDeletions(id)).isZero());
	}

	@Test
	void undoesARegistrationLeftUnfinishedByAProcessThatDied() {
		UUID id = UUID.randomUUID();
		USER_SERVICE.add(id, AuthFixtures.uniqueUsername("died"));
		// What a registration leaves when its process dies between creating the user and the credentials.
		jdbc.update("insert into pending_user_deletion (user_id, attempt_after) values (?, now())", id);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(USER_SERVICE.has(id)).isFalse());
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pendingDeletions(id)).isZero());
	}

	@Test
	void leavesNothingToUndoWhenUserServiceRefusesTheUser() {
		String username = AuthFixtures.uniqueUsername("taken");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		assertThat(reply.status()).isEqualTo(409);
		UUID refused = USER_SERVICE.lastRequestedId();
		assertThat(USER_SERVICE.has(refused)).isFalse();
		assertThat(pendingDeletions(refused)).isZero();
		assertThat(USER_SERVICE.deleted()).doesNotContain(refused);
	}

	private int pendingDeletions(UUID userId) {
		return jdbc.queryForObject("select count(*) from pending_user_deletion where user_id = ?", Integer.class,
				userId);
	}

	private void assertInvalid(Map<String, Object> body, String field) {
		HttpJson.Reply reply = http.post("/api/v1/auth/register", body, null);
		assertThat(reply.status()).as(body.toString()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
		assertThat(reply.message()).contains(field + ":");
	}

	@Test
	void answers503QuicklyWhenUserServiceFails() {
		USER_SERVICE.mode(FakeUserService.Mode.FAIL);
		String username = AuthFixtures.uniqueUsername("down");

		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(reply.body().get("success").asBoolean()).isFalse();
	}

	@Test
	void answers503WithinTheReadTimeoutAndUndoesAUserCreatedTooLate() {
		USER_SERVICE.mode(FakeUserService.Mode.HANG);
		String username = AuthFixtures.uniqueUsername("slow");

		long started = System.nanoTime();
		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(reply.status()).isEqualTo(503);
		assertThat(took).isLessThan(Duration.ofMillis(4500));
		assertThat(USER_SERVICE.created()).contains(username);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(USER_SERVICE.idOf(username)).isNull());
		UUID id = USER_SERVICE.lastRequestedId();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pendingDeletions(id)).isZero());
	}

	@Test
	void deletesTheUserAgainWhenCredentialsCannotBeStored() {
		String username = AuthFixtures.uniqueUsername("comp");
		// Credentials already hold this email (say, of a deleted user not yet cleaned up): storing fails.
		jdbc.update(
				"insert into credentials (user_id, email, password_hash, created_at, updated_at) values (?, ?, 'x', now(), now())",
				UUID.randomUUID(), AuthFixtures.emailOf(username));

		HttpJson.Reply reply = http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("CONFLICT");
		assertThat(USER_SERVICE.created()).contains(username);
		assertThat(USER_SERVICE.idOf(username)).as("compensated").isNull();
	}
}
