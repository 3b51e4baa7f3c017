package org.chatline.group.groups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;

/**
 * A real HTTP server standing in for user-service's internal API: it knows the users added to it
 * (answered in user-service's {@code {success, data}} envelope), fails with 500 for the broken
 * ones and answers 404 for the rest. Started once per test JVM.
 */
final class UserServiceStub {

	static final UserServiceStub INSTANCE = new UserServiceStub();

	private final Set<UUID> users = ConcurrentHashMap.newKeySet();

	private final Set<UUID> broken = ConcurrentHashMap.newKeySet();

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
			// Like the real user-service: no service token, no answer (proves group-service sends one).
			boolean authorized = ServiceTokenCheck.caller(exchange.getRequestHeaders().getFirst("Authorization")) != null;
			int status = !authorized ? 401 : broken.contains(id) ? 500 : users.contains(id) ? 200 : 404;
			String body = switch (status) {
				case 401 -> "{\"success\":false,\"message\":\"Service credential required\",\"code\":\"UNAUTHORIZED\"}";
				case 200 -> "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"username\":\"stub_user\"}}";
				case 404 -> "{\"success\":false,\"message\":\"User not found\",\"code\":\"NOT_FOUND\"}";
				default -> "{\"success\":false,\"message\":\"Internal server error\",\"code\":\"INTERNAL_ERROR\"}";
			};
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
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

	UUID brokenUser() {
		UUID id = UUID.randomUUID();
		broken.add(id);
		return id;
	}
}
