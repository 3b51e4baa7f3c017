package org.chatline.auth.account;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.auth.HttpJson;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwksKeySource;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.TokenTypes;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginIT extends AuthServiceIntegrationTest {

	@Test
	void logsInAndIssuesTokensThatOtherServicesVerifyThroughTheJwks() {
		String username = AuthFixtures.uniqueUsername("login");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		HttpJson.Reply reply = http.post("/api/v1/auth/login",
				Map.of("email", AuthFixtures.emailOf(username).toUpperCase(), "password", AuthFixtures.PASSWORD), null);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.message()).isEqualTo("Login successful");
		JsonNode user = reply.data().get("user");
		assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "username", "email", "role", "isOnline",
				"lastSeen");
		assertThat(user.get("username").asString()).isEqualTo(username);

		// Verified exactly as any other service does: keys fetched from this service's JWKS endpoint.
		JwtVerifier verifier = new JwtVerifier(
				new JwksKeySource(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json")), "chatline-auth",
				"chatline");
		String access = reply.data().get("accessToken").asString();
		String refresh = reply.data().get("refreshToken").asString();
		AuthenticatedUser caller = verifier.verifyAccessToken(access);
		assertThat(caller.id()).hasToString(user.get("id").asString());
		assertThat(caller.username()).isEqualTo(username);
		assertThat(caller.role()).isEqualTo("USER");
		assertThat(caller.sessionId()).isNotNull();
		Claims refreshClaims = verifier.verify(refresh, TokenTypes.REFRESH);
		assertThat(refreshClaims.get(TokenTypes.CLAIM_SESSION, String.class)).isEqualTo(caller.sessionId().toString());
		assertThatThrownBy(() -> verifier.verifyAccessToken(refresh)).hasMessage("Invalid token");
	}

	@Test
	void refusesAWrongPasswordAndAnUnknownEmailAlike() {
		String username = AuthFixtures.uniqueUsername("wrong");
		http.post("/api/v1/auth/register", AuthFixtures.registration(username), null);

		HttpJson.Reply wrongPassword = http.post("/api/v1/auth/login",
				Map.of("email", AuthFixtures.emailOf(username), "password", "Password124"), null);
		HttpJson.Reply unknownEmail = http.post("/api/v1/auth/login",
				Map.of("email", UUID.randomUUID() + "@example.com", "password", AuthFixtures.PASSWORD), null);

		for (HttpJson.Reply reply : new HttpJson.Reply[] { wrongPassword, unknownEmail }) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
			assertThat(reply.message()).isEqualTo("Invalid email or password");
		}
	}

	@Test
	void rejectsALoginWithoutEmailOrPassword() {
		HttpJson.Reply reply = http.post("/api/v1/auth/login", Map.of("email", "a@example.com"), null);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
	}

	@Test
	void answersMeWithTheContractFields() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "me");

		HttpJson.Reply reply = http.get("/api/v1/auth/me", "Bearer " + login.get("accessToken").asString());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.data().propertyNames()).containsExactlyInAnyOrder("id", "username", "email", "avatar",
				"statusMessage", "role", "isOnline", "lastSeen");
		assertThat(reply.data().get("id").asString()).isEqualTo(login.get("user").get("id").asString());
	}

	@Test
	void refusesMeWithoutATokenWithARefreshTokenAndWithAForeignKey() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "nome");

		assertThat(http.get("/api/v1/auth/me", null).status()).isEqualTo(401);
		assertThat(http.get("/api/v1/auth/me", "Bearer " + login.get("refreshToken").asString()).status())
			.isEqualTo(401);
		// auth-service trusts only its own key, never the test key other services' tests use.
		assertThat(http.get("/api/v1/auth/me", TestTokens.bearer(UUID.fromString(login.get("user").get("id").asString())))
			.status()).isEqualTo(401);
	}

	@Test
	void publishesTheJwks() {
		HttpJson.Reply reply = http.get("/.well-known/jwks.json", null);

		assertThat(reply.status()).isEqualTo(200);
		JsonNode key = reply.body().get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.get("alg").asString()).isEqualTo("RS256");
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.get("kid").asString()).isNotBlank();
		assertThat(key.has("d")).isFalse();
	}
}
