package org.chatline.group.groups;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chatline.common.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a client sees it: a real socket, a JSON body, a bearer token. */
final class GroupApi {

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

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	private final JsonMapper json;

	/** What message-service, one of the internal API's callers, sends. */
	static final String MESSAGE_SERVICE = TestTokens.serviceBearer("message-service");

	GroupApi(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	Reply get(String path, UUID caller) {
		return call("GET", path, caller, null);
	}

	Reply post(String path, UUID caller, String body) {
		return call("POST", path, caller, body);
	}

	Reply patch(String path, UUID caller, String body) {
		return call("PATCH", path, caller, body);
	}

	Reply delete(String path, UUID caller) {
		return call("DELETE", path, caller, null);
	}

	/** {@code caller} null sends no token. */
	Reply call(String method, String path, UUID caller, String body) {
		return send(method, path, caller == null ? null : "Bearer " + TestTokens.access(caller), body);
	}

	/** A GET on the internal API with this {@code Authorization} header (null: none). */
	Reply internal(String path, String authorization) {
		return send("GET", path, authorization, null);
	}

	private Reply send(String method, String path, String authorization, String body) {
		var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			builder.header("Authorization", authorization);
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
}
