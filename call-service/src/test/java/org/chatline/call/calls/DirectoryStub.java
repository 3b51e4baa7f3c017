package org.chatline.call.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;

/**
 * A real HTTP server standing in for the internal APIs of user-service ({@code GET
 * /internal/users/{id}}) and group-service ({@code GET /internal/groups/{id}/members}), both
 * answered in the contract's envelope as the services do. It knows what is added to it, answers 404
 * for the rest, and 500 for ids added as broken. Started once per test JVM.
 */
final class DirectoryStub {

	static final DirectoryStub INSTANCE = new DirectoryStub();

	private final Map<UUID, String> users = new ConcurrentHashMap<>();

	private final Map<UUID, List<UUID>> groups = new ConcurrentHashMap<>();

	private final Set<UUID> broken = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	private DirectoryStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/internal/users/", ServiceTokenCheck.guard(exchange -> {
			UUID id = idAt(exchange, 3);
			if (broken.contains(id)) {
				respond(exchange, 500, "{\"success\":false,\"message\":\"boom\",\"code\":\"INTERNAL_ERROR\"}");
			}
			else if (users.containsKey(id)) {
				respond(exchange, 200, "{\"success\":true,\"data\":" + users.get(id) + "}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"User not found\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.createContext("/internal/groups/", ServiceTokenCheck.guard(exchange -> {
			UUID id = idAt(exchange, 3);
			if (broken.contains(id)) {
				respond(exchange, 503, "{\"success\":false,\"message\":\"down\",\"code\":\"SERVICE_UNAVAILABLE\"}");
			}
			else if (groups.containsKey(id)) {
				String members = groups.get(id).stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(","));
				respond(exchange, 200, "{\"success\":true,\"data\":{\"groupId\":\"" + id + "\",\"memberIds\":[" + members + "]}}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"Group not found\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** A user only user-service knows (not yet in call-service's projection). */
	UUID addUser(String username, String email, String avatar) {
		UUID id = UUID.randomUUID();
		users.put(id, """
				{"id":"%s","username":"%s","email":"%s","avatar":%s,"role":"USER","isOnline":false}"""
			.formatted(id, username, email, avatar == null ? "null" : "\"" + avatar + "\""));
		return id;
	}

	UUID addGroup(List<UUID> memberIds) {
		UUID id = UUID.randomUUID();
		groups.put(id, List.copyOf(memberIds));
		return id;
	}

	/** An id whose lookups fail with a server error, as if its owner were down. */
	UUID addBroken() {
		UUID id = UUID.randomUUID();
		broken.add(id);
		return id;
	}

	private static UUID idAt(HttpExchange exchange, int segment) {
		return UUID.fromString(exchange.getRequestURI().getPath().split("/")[segment]);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
