package org.chatline.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for integration tests against the service on its random port. */
public final class HttpJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public HttpJson(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Reply get(String path, String bearer) {
		return send("GET", path, null, bearer);
	}

	public Reply post(String path, Object body, String bearer) {
		return send("POST", path, body, bearer);
	}

	public Reply patch(String path, Object body, String bearer) {
		return send("PATCH", path, body, bearer);
	}

	public Reply delete(String path, String bearer) {
		return send("DELETE", path, null, bearer);
	}

	public Reply send(String method, String path, Object body, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		if (bearer != null) {
			request.header("Authorization", bearer);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
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

	public record Reply(int status, JsonNode body) {

		public JsonNode data() {
			return body.get("data");
		}

		public String code() {
			return body.path("code").asString();
		}

		public String message() {
			return body.path("message").asString();
		}
	}
}
