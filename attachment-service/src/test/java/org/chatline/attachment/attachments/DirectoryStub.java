package org.chatline.attachment.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;

/**
 * A real HTTP server playing user-service ({@code GET /internal/users/{id}}) and group-service
 * ({@code GET /internal/groups/{id}/members/{userId}}) behind the same service-token check. Knows
 * the users and memberships added to it; 404 for the rest. Started once per test JVM.
 */
final class DirectoryStub {

	static final DirectoryStub INSTANCE = new DirectoryStub();

	private final Set<UUID> users = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<UUID>> groups = new ConcurrentHashMap<>();

	private final HttpServer server;

	private DirectoryStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/internal/users/", ServiceTokenCheck.guard(exchange -> {
			UUID id = UUID.fromString(segment(exchange, 3));
			if (users.contains(id)) {
				respond(exchange, 200, "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"username\":\"u\",\"role\":\"USER\"}}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"User not found\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.createContext("/internal/groups/", ServiceTokenCheck.guard(exchange -> {
			UUID group = UUID.fromString(segment(exchange, 3));
			UUID user = UUID.fromString(segment(exchange, 5));
			if (groups.getOrDefault(group, Set.of()).contains(user)) {
				respond(exchange, 200, "{\"success\":true,\"data\":{\"groupId\":\"" + group + "\",\"userId\":\"" + user
						+ "\",\"role\":\"MEMBER\"}}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"Not a member\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	UUID user() {
		UUID id = UUID.randomUUID();
		users.add(id);
		return id;
	}

	UUID group(UUID... members) {
		UUID id = UUID.randomUUID();
		groups.put(id, ConcurrentHashMap.newKeySet());
		groups.get(id).addAll(Set.of(members));
		return id;
	}

	void remove(UUID group, UUID member) {
		groups.get(group).remove(member);
	}

	private static String segment(HttpExchange exchange, int index) {
		return exchange.getRequestURI().getPath().split("/")[index];
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		try (exchange) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}
}
