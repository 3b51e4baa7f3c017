package org.chatline.attachment.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chatline.common.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API over real HTTP, as a given user (a fresh test access token each time). */
final class AttachmentApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	AttachmentApi(int port) {
		this.port = port;
	}

	record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {

		JsonNode data() {
			return body.get("data");
		}

		String code() {
			return body.path("code").asString();
		}

		UUID id() {
			return UUID.fromString(data().path("attachment").path("id").asString(data().path("id").asString()));
		}
	}

	static String create(String fileName, String contentType, long size, String conversationField, UUID conversation) {
		return """
				{"fileName":"%s","contentType":"%s","size":%d,"%s":"%s"}""".formatted(fileName, contentType, size,
				conversationField, conversation);
	}

	Reply json(String method, String path, String authorization, String body) {
		HttpRequest.Builder request = request(path, authorization).header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return send(request.build());
	}

	Reply json(String method, String path, UUID user, String body) {
		return json(method, path, user == null ? null : TestTokens.bearer(user), body);
	}

	/** Creates an upload and puts the bytes where the answer says; returns the answer to the PUT (or to complete). */
	Reply upload(UUID user, String body, byte[] bytes) {
		Reply created = json("POST", "/api/v1/attachments", user, body);
		if (created.status() != 201) {
			return created;
		}
		JsonNode upload = created.data().get("upload");
		String url = upload.get("url").asString();
		HttpRequest.Builder put = HttpRequest.newBuilder(url.startsWith("/") ? uri(url) : URI.create(url))
			.header("Content-Type", upload.get("headers").get("Content-Type").asString())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
		if (upload.get("authorization").asBoolean()) {
			put.header("Authorization", TestTokens.bearer(user));
		}
		Reply stored = send(put.build());
		if (stored.status() >= 300) {
			return stored;
		}
		return json("POST", "/api/v1/attachments/" + created.id() + "/complete", user, null);
	}

	Reply put(UUID user, UUID id, byte[] bytes) {
		return send(request("/api/v1/attachments/" + id + "/content", TestTokens.bearer(user))
			.header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
	}

	/** A download, redirects not followed. */
	Reply get(UUID user, String path) {
		return send(request(path, TestTokens.bearer(user)).GET().build());
	}

	HttpResponse<byte[]> fetch(String absoluteUrl) {
		return exchange(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET().build());
	}

	private HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private Reply send(HttpRequest request) {
		HttpResponse<byte[]> response = exchange(request);
		String type = response.headers().firstValue("Content-Type").orElse("");
		JsonNode body = type.startsWith("application/json") && response.body().length > 0
				? JSON.readTree(response.body()) : JSON.createObjectNode();
		return new Reply(response.statusCode(), body, response);
	}

	private HttpResponse<byte[]> exchange(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
