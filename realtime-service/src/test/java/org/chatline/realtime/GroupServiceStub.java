package org.chatline.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;

/**
 * A real HTTP server standing in for group-service's internal API:
 * {@code GET /internal/users/{userId}/groups} answers the groups a test registered for that user
 * (none for anyone else), in the contract's envelope. Started once per test JVM.
 */
final class GroupServiceStub {

	static final GroupServiceStub INSTANCE = new GroupServiceStub();

	private final Map<UUID, List<UUID>> groups = new ConcurrentHashMap<>();

	private final HttpServer server;

	private GroupServiceStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Answers only with a service token, as group-service does: proves realtime sends one.
		server.createContext("/internal/users/", ServiceTokenCheck.guard(this::answer));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void member(UUID userId, UUID... groupIds) {
		groups.put(userId, List.of(groupIds));
	}

	private void answer(HttpExchange exchange) throws IOException {
		String[] path = exchange.getRequestURI().getPath().split("/");
		// /internal/users/{userId}/groups
		UUID userId = UUID.fromString(path[3]);
		String ids = groups.getOrDefault(userId, List.of())
			.stream()
			.map(id -> "\"" + id + "\"")
			.collect(Collectors.joining(","));
		byte[] bytes = ("{\"success\":true,\"data\":{\"userId\":\"" + userId + "\",\"groupIds\":[" + ids + "]}}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
