package org.chatline.message.messages;

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
 * A real HTTP server standing in for the internal APIs of user-service and group-service (the
 * owners message-service asks on a projection miss). Started once per test JVM.
 */
final class OwnersStub {

	static final OwnersStub INSTANCE = new OwnersStub();

	private final Set<UUID> users = ConcurrentHashMap.newKeySet();

	private final Map<UUID, Set<UUID>> groups = new ConcurrentHashMap<>();

	private final HttpServer server;

	private OwnersStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/internal/users/", ServiceTokenCheck.guard(exchange -> {
			UUID id = UUID.fromString(segments(exchange)[3]);
			if (users.contains(id)) {
				respond(exchange, 200, "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"username\":\"stub_user\"}}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"User not found\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.createContext("/internal/groups/", ServiceTokenCheck.guard(exchange -> {
			String[] parts = segments(exchange);
			UUID groupId = UUID.fromString(parts[3]);
			Set<UUID> members = groups.get(groupId);
			if (parts.length == 5 && members != null) {
				respond(exchange, 200, "{\"success\":true,\"data\":{\"groupId\":\"" + groupId + "\",\"memberIds\":["
						+ members.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",")) + "]}}");
			}
			else if (parts.length == 6 && members != null && members.contains(UUID.fromString(parts[5]))) {
				respond(exchange, 200, "{\"success\":true,\"data\":{\"groupId\":\"" + groupId + "\",\"userId\":\""
						+ parts[5] + "\",\"role\":\"MEMBER\"}}");
			}
			else {
				respond(exchange, 404, "{\"success\":false,\"message\":\"Not found\",\"code\":\"NOT_FOUND\"}");
			}
		}));
		server.start();
	}

	private static String[] segments(HttpExchange exchange) {
		return exchange.getRequestURI().getPath().split("/");
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	UUID addUser() {
		UUID id = UUID.randomUUID();
		users.add(id);
		return id;
	}

	/** A group only the owner knows about yet (its events have not reached message-service). */
	UUID addGroup(List<UUID> members) {
		UUID id = UUID.randomUUID();
		groups.put(id, ConcurrentHashMap.newKeySet());
		groups.get(id).addAll(members);
		return id;
	}

	void addMember(UUID groupId, UUID userId) {
		groups.get(groupId).add(userId);
	}

	void removeMember(UUID groupId, UUID userId) {
		groups.get(groupId).remove(userId);
	}
}
