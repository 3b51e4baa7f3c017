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

	/** The started platform's gateway; 127.0.0.1, not localhost: Node may try ::1 first. */
	static final String GATEWAY = "http://127.0.0.1:" + PlatformService.GATEWAY.httpPort();

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
		return send("POST", path, body, authorization);
	}

	Response get(String path, String authorization) {
		return send("GET", path, null, authorization);
	}

	Response patch(String path, String body, String authorization) {
		return send("PATCH", path, body, authorization);
	}

	/** {@code body} may be null; {@code DELETE /messages/{id}/react} carries one. */
	Response delete(String path, String body, String authorization) {
		return send("DELETE", path, body, authorization);
	}

	/** A direct text message from {@code from} to {@code to} over REST; returns the stored message. */
	JsonNode sendDirect(TestUser from, TestUser to, String content) {
		Response sent = post("/messages", json(Map.of("content", content, "type", "TEXT", "receiverId", to.id())),
				from.bearer());
		assertThat(sent.status()).as("POST /messages to %s: %s", to.id(), sent).isEqualTo(201);
		return sent.body().path("data");
	}

	/** A text message from {@code from} to a group over REST; returns the stored message. */
	JsonNode sendToGroup(TestUser from, String groupId, String content) {
		Response sent = post("/messages", json(Map.of("content", content, "type", "TEXT", "groupId", groupId)),
				from.bearer());
		assertThat(sent.status()).as("POST /messages to group %s: %s", groupId, sent).isEqualTo(201);
		return sent.body().path("data");
	}

	/** A PRIVATE group owned by {@code owner} with {@code members} added as MEMBERs; returns its id. */
	String createGroup(TestUser owner, TestUser... members) {
		Response created = post("/groups", json(Map.of("title", "E2E " + owner.username(), "type", "PRIVATE")),
				owner.bearer());
		assertThat(created.status()).as("POST /groups: %s", created).isEqualTo(201);
		String groupId = created.body().path("data").path("id").asString();
		assertThat(groupId).as("POST /groups data.id: %s", created).isNotBlank();
		for (TestUser member : members) {
			addMember(owner, groupId, member);
		}
		return groupId;
	}

	void addMember(TestUser admin, String groupId, TestUser member) {
		Response added = post("/groups/" + groupId + "/members", json(Map.of("userId", member.id())), admin.bearer());
		assertThat(added.status()).as("POST /groups/%s/members %s: %s", groupId, member.id(), added).isEqualTo(200);
	}

	void removeMember(TestUser admin, String groupId, TestUser member) {
		Response removed = delete("/groups/" + groupId + "/members/" + member.id(), null, admin.bearer());
		assertThat(removed.status()).as("DELETE /groups/%s/members/%s: %s", groupId, member.id(), removed)
			.isEqualTo(200);
	}

	private Response send(String method, String path, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
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
