package org.chatline.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public REST API through the gateway, as a client sees it. Fixtures for the end-to-end tests. */
final class ChatApi {

	static final String PASSWORD = "Password123";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	ChatApi(String gatewayUrl) {
		this.baseUrl = gatewayUrl + "/api/v1";
	}

	/** A registered, logged-in user with a random name. */
	record TestUser(String id, String username, String email, String accessToken) {

		String bearer() {
			return "Bearer " + this.accessToken;
		}

	}

	record Response(int status, String raw, JsonNode body) {

		@Override
		public String toString() {
			return this.status + " " + this.raw;
		}

	}

	TestUser registerAndLogin() {
		String username = "e2e_" + HexFormat.of().formatHex(randomBytes(6));
		String email = username + "@example.test";
		Response registered = post("/auth/register", json(Map.of("username", username, "email", email, "password",
				PASSWORD)), null);
		assertThat(registered.status()).as("register %s: %s", username, registered).isEqualTo(201);
		String id = registered.body().path("data").path("id").asString();
		assertThat(id).as("register response data.id: %s", registered).isNotBlank();

		Response login = post("/auth/login", json(Map.of("email", email, "password", PASSWORD)), null);
		assertThat(login.status()).as("login %s: %s", email, login).isEqualTo(200);
		String token = login.body().path("data").path("accessToken").asString();
		assertThat(token).as("login response data.accessToken: %s", login).isNotBlank();
		assertThat(login.body().path("data").path("user").path("id").asString()).as("login data.user.id")
			.isEqualTo(id);
		return new TestUser(id, username, email, token);
	}

	Response post(String path, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode body;
			try {
				body = JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				body = MissingNode.getInstance();
			}
			return new Response(response.statusCode(), response.body(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
