package org.chatline.call.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chatline.common.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API over real HTTP, as a given user (a fresh test access token each time). */
final class CallApi {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final JsonMapper json;

	CallApi(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	record Reply(int status, JsonNode body) {

		JsonNode data() {
			return body.get("data");
		}

		String code() {
			return body.path("code").asString();
		}

		String message() {
			return body.path("message").asString();
		}
	}

	Reply send(String method, String path, UUID userId, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (userId != null) {
			builder.header("Authorization", TestTokens.bearer(userId));
		}
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), json.readTree(response.body()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Reply initiate(UUID initiator, String body) {
		return send("POST", "/api/v1/calls", initiator, body);
	}

	/** Starts a call that must succeed; returns its id. */
	UUID start(UUID initiator, UUID... invitees) {
		Reply reply = initiate(initiator, CallFixtures.call("VIDEO", invitees));
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not start a call: " + reply);
		}
		return UUID.fromString(reply.data().get("call").get("id").asString());
	}

	Reply get(UUID callId, UUID userId) {
		return send("GET", "/api/v1/calls/" + callId, userId, null);
	}

	Reply history(UUID userId, String query) {
		return send("GET", "/api/v1/calls" + query, userId, null);
	}

	Reply join(UUID callId, UUID userId) {
		return send("POST", "/api/v1/calls/" + callId + "/join", userId, null);
	}

	Reply leave(UUID callId, UUID userId) {
		return send("POST", "/api/v1/calls/" + callId + "/leave", userId, null);
	}

	Reply reject(UUID callId, UUID userId) {
		return send("POST", "/api/v1/calls/" + callId + "/reject", userId, null);
	}

	Reply end(UUID callId, UUID userId) {
		return send("POST", "/api/v1/calls/" + callId + "/end", userId, null);
	}
}
