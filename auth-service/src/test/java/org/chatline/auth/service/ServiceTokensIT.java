package org.chatline.auth.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.chatline.auth.AuthFixtures;
import org.chatline.auth.AuthServiceIntegrationTest;
import org.chatline.common.api.ApiException;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.ServiceTokenVerifier;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client-credentials endpoint that gives services their tokens for each other's /internal/**. */
class ServiceTokensIT extends AuthServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	ServiceTokenVerifier serviceTokens;

	@Autowired
	JwtVerifier accessTokens;

	@Test
	void issuesAServiceTokenForTheRightSecret() throws Exception {
		Reply reply = requestToken(basic("message-service", ServiceSecrets.derive(MASTER_SECRET, "message-service")));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(reply.body().get("expires_in").asLong()).isBetween(250L, 300L);
		String token = reply.body().get("access_token").asString();
		assertThat(serviceTokens.verify(token).name()).isEqualTo("message-service");
		// Its audience is the internal one: never accepted as a user's access token.
		assertThatThrownBy(() -> accessTokens.verifyAccessToken(token)).isInstanceOf(ApiException.class);
		assertThat(http.get("/api/v1/auth/me", "Bearer " + token).status()).isEqualTo(401);
	}

	@Test
	void refusesAWrongSecretAnUnknownServiceAndNoCredentialsWith401() throws Exception {
		Reply wrong = requestToken(basic("message-service", ServiceSecrets.derive(MASTER_SECRET, "group-service")));
		Reply unknown = requestToken(basic("rogue-service", ServiceSecrets.derive(MASTER_SECRET, "rogue-service")));
		Reply itself = requestToken(basic("auth-service", ServiceSecrets.derive(MASTER_SECRET, "auth-service")));
		Reply none = requestToken(null);

		for (Reply reply : new Reply[] { wrong, unknown, itself, none }) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
			assertThat(reply.body().has("access_token")).isFalse();
		}
	}

	@Test
	void aUsersAccessTokenIsNoServiceToken() {
		JsonNode login = AuthFixtures.registeredAndLoggedIn(http, "svc");
		String access = login.get("accessToken").asString();

		assertThatThrownBy(() -> serviceTokens.verify(access)).isInstanceOf(ApiException.class);
		// Nor does a token signed with any key but auth-service's own pass.
		assertThatThrownBy(() -> serviceTokens.verify(TestTokens.service("message-service")))
			.isInstanceOf(ApiException.class);
		assertThat(UUID.fromString(login.get("user").get("id").asString())).isNotNull();
	}

	private Reply requestToken(String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/service-tokens"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), JSON.readTree(response.body()));
	}

	private static String basic(String name, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((name + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	record Reply(int status, JsonNode body) {
	}
}
