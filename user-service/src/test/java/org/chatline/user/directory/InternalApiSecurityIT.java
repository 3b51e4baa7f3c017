package org.chatline.user.directory;

import java.time.Instant;
import java.util.UUID;

import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal user API answers only other services: no credential, a user's access token, an expired
 * or foreign service token all get the 401 envelope; deleting and creating accounts is for
 * auth-service alone.
 */
@ServiceIT
class InternalApiSecurityIT {

	@LocalServerPort
	int port;

	HttpJson http;

	UUID id;

	@BeforeEach
	void setUp() {
		http = new HttpJson(port);
		id = UUID.randomUUID();
		assertThat(http.post("/internal/users", UserFixtures.newUser(id, UserFixtures.uniqueUsername("Sec")),
				UserFixtures.AUTH_SERVICE).status()).isEqualTo(201);
	}

	@Test
	void refusesReadAndDeleteWithoutACredential() {
		HttpJson.Reply read = http.get("/internal/users/" + id, null);
		HttpJson.Reply delete = http.delete("/internal/users/" + id, null);

		for (HttpJson.Reply reply : new HttpJson.Reply[] { read, delete }) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
			assertThat(reply.body().has("data")).isFalse();
		}
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).as("not deleted")
			.isEqualTo(200);
	}

	@Test
	void refusesAUsersAccessToken() {
		String user = TestTokens.bearer(id);

		assertThat(http.get("/internal/users/" + id, user).status()).isIn(401, 403);
		assertThat(http.delete("/internal/users/" + id, user).status()).isIn(401, 403);
		assertThat(http.post("/internal/users", UserFixtures.newUser("Usr"), user).status()).isIn(401, 403);
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(200);
	}

	@Test
	void refusesAnExpiredOrForgedServiceToken() {
		String expired = "Bearer " + TestTokens.service("auth-service", Instant.now().minusSeconds(60));
		String garbage = "Bearer " + TestTokens.service("auth-service") + "x";

		assertThat(http.get("/internal/users/" + id, expired).status()).isEqualTo(401);
		assertThat(http.delete("/internal/users/" + id, garbage).status()).isEqualTo(401);
	}

	@Test
	void answersAServiceTokenAndLetsOnlyAuthServiceDelete() {
		HttpJson.Reply read = http.get("/internal/users/" + id, TestTokens.serviceBearer("message-service"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data().get("id").asString()).isEqualTo(id.toString());

		assertThat(http.get("/internal/users/" + id, TestTokens.serviceBearer("realtime-service")).status())
			.as("realtime-service never needs a user's e-mail").isEqualTo(403);

		HttpJson.Reply foreignDelete = http.delete("/internal/users/" + id, TestTokens.serviceBearer("group-service"));
		assertThat(foreignDelete.status()).isEqualTo(403);
		assertThat(foreignDelete.code()).isEqualTo("FORBIDDEN");
		assertThat(http.post("/internal/users", UserFixtures.newUser("Grp"), TestTokens.serviceBearer("group-service"))
			.status()).isEqualTo(403);

		assertThat(http.delete("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(200);
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).isEqualTo(404);
	}

	@Test
	void refusesAUsersAccessTokenOnDisguisedInternalPaths() {
		String user = TestTokens.bearer(id);

		for (String path : new String[] { "/internal;x=1/users/" + id, "/%69nternal/users/" + id,
				"/internal/users;x=1/" + id, "/internal/%75sers/" + id, "//internal/users/" + id }) {
			HttpJson.Reply reply = http.get(path, user);
			assertThat(reply.status()).as(path).isIn(400, 401, 403, 404);
			assertThat(http.delete(path, user).status()).as(path).isIn(400, 401, 403, 404, 405);
		}
		assertThat(http.get("/internal/users/" + id, UserFixtures.AUTH_SERVICE).status()).as("not deleted")
			.isEqualTo(200);
	}
}
