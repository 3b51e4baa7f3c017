package org.chatline.message.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for user-service's internal API: it knows the users added to it
 * and answers 404 for the rest. Started once per test JVM.
 */
final class UserServiceStub {

	static final UserServiceStub INSTANCE = new UserServiceStub();

	private final Set<UUID> users = ConcurrentHashMap.newKeySet();

	private final HttpServer server;

	private UserServiceStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/internal/users/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
			byte[] body = users.contains(id)
					? ("{\"id\":\"" + id + "\",\"username\":\"stub_user\"}").getBytes(StandardCharsets.UTF_8)
					: "{\"success\":false,\"message\":\"User not found\",\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(users.contains(id) ? 200 : 404, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	UUID addUser() {
		UUID id = UUID.randomUUID();
		users.add(id);
		return id;
	}
}
