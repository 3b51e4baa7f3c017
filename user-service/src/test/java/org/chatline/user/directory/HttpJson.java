package org.chatline.user.directory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for integration tests against the service on its random port. */
final class HttpJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	HttpJson(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	Reply get(String path, String bearer) {
		return send("GET", path, null, bearer);
	}

	Reply post(String path, Object body, String bearer) {
		return send("POST", path, body, bearer);
	}

	Reply patch(String path, Object body, String bearer) {
		return send("PATCH", path, body, bearer);
	}

	Reply delete(String path, String bearer) {
		return send("DELETE", path, null, bearer);
	}

	Reply send(String method, String path, Object body, String bearer) {
		return send(method, path, body, bearer, Map.of());
	}

	/** {@code headers} replace the defaults (e.g. another {@code Content-Type}). */
	Reply send(String method, String path, Object body, String bearer, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		headers.forEach(request::header);
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		if (body != null) {
			if (!headers.containsKey("Content-Type")) {
				request.header("Content-Type", "application/json");
			}
			String text = body instanceof String s ? s : JSON.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(text));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			return new Reply(response.statusCode(), text == null || text.isEmpty() ? null : JSON.readTree(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
}
