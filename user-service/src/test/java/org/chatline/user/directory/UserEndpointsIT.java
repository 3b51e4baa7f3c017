package org.chatline.user.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.chatline.user.api.UserEvent.UserUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIT
class UserEndpointsIT {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	EventCodec codec;

	HttpJson http;

	@BeforeEach
	void setUp() {
		http = new HttpJson(port);
	}

	private UUID register(String username) {
		UUID id = UUID.randomUUID();
		assertThat(http.post("/internal/users", UserFixtures.newUser(id, username), UserFixtures.AUTH_SERVICE).status()).isEqualTo(201);
		return id;
	}

	@Test
	void requiresAnAccessToken() {
		HttpJson.Reply reply = http.get("/api/v1/users/" + UUID.randomUUID(), null);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void showsAPublicProfileWithoutTheEmail() {
		String username = UserFixtures.uniqueUsername("Pub");
		UUID id = register(username);

		HttpJson.Reply reply = http.get("/api/v1/users/" + id, TestTokens.bearer(UUID.randomUUID()));

		assertThat(reply.status()).isEqualTo(200);
		JsonNode data = reply.data();
		assertThat(data.get("id").asString()).isEqualTo(id.toString());
		assertThat(data.get("username").asString()).isEqualTo(username);
		assertThat(data.has("avatar")).isTrue();
		assertThat(data.has("statusMessage")).isTrue();
		assertThat(data.get("isOnline").asBoolean()).isFalse();
		assertThat(data.has("lastSeen")).isTrue();
		assertThat(data.has("email")).isFalse();
		assertThat(data.has("role")).isFalse();
	}

	@Test
	void answers404ForAnUnknownUser() {
		HttpJson.Reply reply = http.get("/api/v1/users/" + UUID.randomUUID(), TestTokens.bearer(UUID.randomUUID()));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("NOT_FOUND");
	}

	@Test
	void answers400ForAnIdThatIsNotAUuid() {
		HttpJson.Reply reply = http.get("/api/v1/users/not-a-uuid", TestTokens.bearer(UUID.randomUUID()));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void letsTheOwnerUpdateTheProfileAndPublishesUserUpdated() {
		UUID id = register(UserFixtures.uniqueUsername("Upd"));
		String newName = UserFixtures.uniqueUsername("Renamed");

		HttpJson.Reply reply = http.patch("/api/v1/users/" + id,
				Map.of("username", newName, "avatar", "https://example.com/a.png", "statusMessage", "Busy"),
				TestTokens.bearer(id));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("User updated successfully");
		assertThat(reply.data().get("id").asString()).isEqualTo(id.toString());
		assertThat(reply.data().get("username").asString()).isEqualTo(newName);
		assertThat(reply.data().get("avatar").asString()).isEqualTo("https://example.com/a.png");
		assertThat(reply.data().get("statusMessage").asString()).isEqualTo("Busy");
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).data().get("username").asString()).isEqualTo(newName);

		try (UserEvents events = new UserEvents(broker)) {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events.poll()).anySatisfy(record -> {
				assertThat(record.key()).isEqualTo(id.toString());
				Object event = codec.decode(record.value(), List.of(UserEvent.class)).orElseThrow().payload();
				assertThat(event).isInstanceOfSatisfying(UserUpdated.class,
						updated -> assertThat(updated.username()).isEqualTo(newName));
			}));
		}
	}

	@Test
	void keepsFieldsThatAreLeftOutAndClearsEmptyOnes() {
		UUID id = register(UserFixtures.uniqueUsername("Keep"));
		http.patch("/api/v1/users/" + id, Map.of("avatar", "https://example.com/b.png", "statusMessage", "Hi"),
				TestTokens.bearer(id));

		HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("statusMessage", ""), TestTokens.bearer(id));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data().get("avatar").asString()).isEqualTo("https://example.com/b.png");
		assertThat(reply.data().get("statusMessage").isNull()).isTrue();
	}

	@Test
	void refusesToUpdateSomeoneElsesProfile() {
		UUID id = register(UserFixtures.uniqueUsername("Victim"));

		HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("statusMessage", "pwned"),
				TestTokens.bearer(UUID.randomUUID()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void refusesAUsernameTakenByAnotherUser() {
		String taken = UserFixtures.uniqueUsername("Taken");
		register(taken);
		UUID id = register(UserFixtures.uniqueUsername("Wants"));

		HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("username", taken.toLowerCase()),
				TestTokens.bearer(id));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("CONFLICT");
	}

	@Test
	void letsAUserChangeTheCaseOfTheirOwnUsername() {
		String username = UserFixtures.uniqueUsername("case");
		UUID id = register(username);

		HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("username", username.toUpperCase()),
				TestTokens.bearer(id));

		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void rejectsAnInvalidUsernameInAnUpdate() {
		UUID id = register(UserFixtures.uniqueUsername("Inv"));
		HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("username", "no spaces"),
				TestTokens.bearer(id));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void letsTheOwnerDeleteTheAccountAndPublishesUserDeleted() {
		UUID id = register(UserFixtures.uniqueUsername("Del"));

		HttpJson.Reply reply = http.delete("/api/v1/users/" + id, TestTokens.bearer(id));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("User deleted successfully");
		assertThat(reply.body().has("data")).isTrue();
		assertThat(reply.data().isNull()).isTrue();
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(404);
		try (UserEvents events = new UserEvents(broker)) {
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events.poll()).anySatisfy(record -> {
				assertThat(record.key()).isEqualTo(id.toString());
				assertThat(codec.decode(record.value(), List.of(UserEvent.class)).orElseThrow().payload())
					.isEqualTo(new UserDeleted(id));
			}));
		}
	}

	@Test
	void refusesToDeleteSomeoneElsesAccount() {
		UUID id = register(UserFixtures.uniqueUsername("Keep"));

		HttpJson.Reply reply = http.delete("/api/v1/users/" + id, TestTokens.bearer(UUID.randomUUID()));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(200);
	}

	@Test
	void searchesUsernamesCaseInsensitivelyWithPagination() {
		String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		register("Alpha_" + marker);
		register("beta_" + marker);
		register("Gamma_" + marker);
		String bearer = TestTokens.bearer(UUID.randomUUID());

		HttpJson.Reply first = http.get("/api/v1/users?query=" + marker.toUpperCase() + "&page=1&limit=2", bearer);
		HttpJson.Reply second = http.get("/api/v1/users?query=" + marker + "&page=2&limit=2", bearer);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("success").asBoolean()).isTrue();
		assertThat(first.data()).hasSize(2);
		assertThat(first.data().get(0).get("username").asString()).isEqualTo("Alpha_" + marker);
		assertThat(first.data().get(1).get("username").asString()).isEqualTo("beta_" + marker);
		assertThat(first.data().get(0).has("email")).isFalse();
		assertThat(first.body().get("pagination").get("total").asLong()).isEqualTo(3);
		assertThat(first.body().get("pagination").get("totalPages").asLong()).isEqualTo(2);
		assertThat(second.data()).hasSize(1);
		assertThat(second.data().get(0).get("username").asString()).isEqualTo("Gamma_" + marker);
	}

	@Test
	void searchFindsAUserByTheirWholeEmailButNeverByAFragmentOfIt() {
		String marker = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		UUID hidden = UUID.randomUUID();
		Map<String, Object> body = new HashMap<>(UserFixtures.newUser(hidden, UserFixtures.uniqueUsername("Hid")));
		String email = "secret." + marker + "@mail" + marker + ".example.com";
		body.put("email", email);
		assertThat(http.post("/internal/users", body, UserFixtures.AUTH_SERVICE).status()).isEqualTo(201);
		String bearer = TestTokens.bearer(UUID.randomUUID());

		for (String fragment : new String[] { marker, "secret." + marker, "secret." + marker + "@",
				"@mail" + marker + ".example.com", email.substring(0, email.length() - 1), email.substring(1),
				"s", "secret.", email + " x" }) {
			HttpJson.Reply reply = http.get("/api/v1/users?query=" + java.net.URLEncoder.encode(fragment,
					java.nio.charset.StandardCharsets.UTF_8) + "&limit=100", bearer);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.data()).as(fragment).noneSatisfy(
					user -> assertThat(user.get("id").asString()).isEqualTo(hidden.toString()));
		}
		for (String whole : new String[] { email, email.toUpperCase(), "  " + email + " " }) {
			HttpJson.Reply found = http.get("/api/v1/users?query=" + java.net.URLEncoder.encode(whole,
					java.nio.charset.StandardCharsets.UTF_8), bearer);
			assertThat(found.data()).as(whole).hasSize(1);
			assertThat(found.data().get(0).get("id").asString()).isEqualTo(hidden.toString());
			assertThat(found.data().get(0).has("email")).isFalse();
		}
	}

	@Test
	void acceptsOnlyHttpsAvatarUrls() {
		UUID id = register(UserFixtures.uniqueUsername("Ava"));
		for (String bad : new String[] { "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
				"data:image/png;base64,iVBORw0KGgo=", "data:text/html,<script>alert(1)</script>", "/avatars/a.png",
				"avatars/a.png", "//evil.example/a.png", "http://example.com/a.png", "ftp://example.com/a.png",
				"file:///etc/passwd", "https://", "https:///a.png", "https://user:pw@example.com/a.png",
				"https://exa mple.com/a.png", "https://example.com/a.png\n<x>", "vbscript:msgbox(1)",
				"https:example.com/a.png" }) {
			HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("avatar", bad), TestTokens.bearer(id));
			assertThat(reply.status()).as(bad).isEqualTo(400);
			assertThat(reply.code()).as(bad).isEqualTo("VALIDATION_ERROR");
		}
		assertThat(http.get("/api/v1/users/" + id, TestTokens.bearer(id)).data().get("avatar").isNull()).isTrue();
		for (String good : new String[] { "https://example.com/a.png", "HTTPS://cdn.example.com:8443/u/1.png?v=2#x",
				"https://[2001:db8::1]/a.png", "" }) {
			HttpJson.Reply reply = http.patch("/api/v1/users/" + id, Map.of("avatar", good), TestTokens.bearer(id));
			assertThat(reply.status()).as(good).isEqualTo(200);
		}
	}

	@Test
	void treatsLikeWildcardsInTheQueryLiterally() {
		HttpJson.Reply reply = http.get("/api/v1/users?query=%25%25%25" + UUID.randomUUID().toString().substring(0, 8),
				TestTokens.bearer(UUID.randomUUID()));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data()).isEmpty();
	}

	@Test
	void requiresASearchQueryAndAValidLimit() {
		String bearer = TestTokens.bearer(UUID.randomUUID());
		assertThat(http.get("/api/v1/users", bearer).status()).isEqualTo(400);
		assertThat(http.get("/api/v1/users?query=%20", bearer).status()).isEqualTo(400);
		assertThat(http.get("/api/v1/users?query=a&limit=101", bearer).status()).isEqualTo(400);
		assertThat(http.get("/api/v1/users?query=a&page=0", bearer).code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void showsPresence() {
		UUID id = register(UserFixtures.uniqueUsername("Pres"));

		HttpJson.Reply reply = http.get("/api/v1/users/" + id + "/presence", TestTokens.bearer(UUID.randomUUID()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data().get("isOnline").asBoolean()).isFalse();
		assertThat(reply.data().get("lastSeen").asString()).isNotBlank();
		assertThat(http.get("/api/v1/users/" + UUID.randomUUID() + "/presence", TestTokens.bearer(id)).status())
			.isEqualTo(404);
	}
}
