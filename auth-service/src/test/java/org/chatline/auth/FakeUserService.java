package org.chatline.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for user-service's internal API in auth-service's integration tests: a real HTTP
 * server on a random loopback port, keeping users in memory, that can be told to fail or hang.
 */
public final class FakeUserService {

	public enum Mode {
		NORMAL, FAIL, HANG
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<UUID, Map<String, Object>> users = new ConcurrentHashMap<>();

	private final List<UUID> deleted = new CopyOnWriteArrayList<>();

	private final List<String> created = new CopyOnWriteArrayList<>();

	private final List<UUID> requested = new CopyOnWriteArrayList<>();

	private volatile Mode mode = Mode.NORMAL;

	private final AtomicInteger failingDeletes = new AtomicInteger();

	private FakeUserService(HttpServer server) {
		this.server = server;
	}

	public static FakeUserService start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeUserService fake = new FakeUserService(server);
			server.createContext("/internal/users", fake::handle);
			server.setExecutor(Executors.newCachedThreadPool(r -> {
				Thread thread = new Thread(r, "fake-user-service");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	/** The next {@code times} DELETEs answer 503 and delete nothing, as an overloaded user-service would. */
	public void failDeletes(int times) {
		failingDeletes.set(times);
	}

	/** A user created by a registration whose process died before it could finish. */
	public void add(UUID id, String username) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id.toString());
		user.put("username", username);
		user.put("email", username.toLowerCase(Locale.ROOT) + "@example.com");
		users.put(id, user);
		created.add(username);
	}

	/** Deletes a user behind auth-service's back, as a user-service DELETE would. */
	public void remove(UUID id) {
		users.remove(id);
	}

	public boolean has(UUID id) {
		return users.containsKey(id);
	}

	public List<UUID> deleted() {
		return deleted;
	}

	/** Every username ever created, also those deleted since. */
	public List<String> created() {
		return created;
	}

	/** The id of the last POST received, whether the user was created or refused. */
	public UUID lastRequestedId() {
		return requested.get(requested.size() - 1);
	}

	public UUID idOf(String username) {
		return users.values()
			.stream()
			.filter(u -> username.equals(u.get("username")))
			.map(u -> UUID.fromString((String) u.get("id")))
			.findFirst()
			.orElse(null);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (ServiceTokenCheck.caller(exchange.getRequestHeaders().getFirst("Authorization")) == null) {
				// Like the real user-service: no service token, no answer. Proves auth-service sends one.
				respond(exchange, 401, error("UNAUTHORIZED", "Service credential required"));
				return;
			}
			if (mode == Mode.FAIL) {
				respond(exchange, 500, error("INTERNAL_ERROR", "Internal server error"));
				return;
			}
			if (method.equals("POST") && path.equals("/internal/users")) {
				create(exchange, JSON.readTree(body));
				return;
			}
			UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
			if (method.equals("GET")) {
				Map<String, Object> user = users.get(id);
				respond(exchange, user == null ? 404 : 200,
						user == null ? error("NOT_FOUND", "User not found") : Map.of("success", true, "data", user));
			}
			else if (method.equals("DELETE")) {
				deleted.add(id);
				if (failingDeletes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
					respond(exchange, 503, error("SERVICE_UNAVAILABLE", "Service unavailable"));
					return;
				}
				respond(exchange, users.remove(id) == null ? 404 : 200, Map.of("success", true));
			}
			else {
				respond(exchange, 405, error("METHOD_NOT_ALLOWED", "no"));
			}
		}
	}

	private void create(HttpExchange exchange, JsonNode request) throws IOException {
		requested.add(UUID.fromString(request.get("id").asString()));
		String username = request.get("username").asString();
		String email = request.get("email").asString();
		Map<String, Object> user = new LinkedHashMap<>();
		String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		user.put("id", request.get("id").asString());
		user.put("username", username);
		user.put("email", email);
		user.put("avatar", null);
		user.put("statusMessage", null);
		user.put("role", "USER");
		user.put("isOnline", false);
		user.put("lastSeen", now);
		user.put("createdAt", now);
		user.put("updatedAt", now);
		synchronized (users) {
			for (Map<String, Object> existing : users.values()) {
				if (lower(existing.get("username")).equals(lower(username))) {
					respond(exchange, 409, error("CONFLICT", "Username already taken"));
					return;
				}
				if (lower(existing.get("email")).equals(lower(email))) {
					respond(exchange, 409, error("CONFLICT", "Email already registered"));
					return;
				}
			}
			users.put(UUID.fromString(request.get("id").asString()), user);
			created.add(username);
		}
		if (mode == Mode.HANG) {
			// Created, but the answer comes too late: auth-service must give up and undo it.
			sleep(5000);
		}
		respond(exchange, 201, Map.of("success", true, "data", user));
	}

	private static String lower(Object value) {
		return String.valueOf(value).toLowerCase(Locale.ROOT);
	}

	private static Map<String, Object> error(String code, String message) {
		return Map.of("success", false, "message", message, "code", code);
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The client gave up waiting (a timeout test): nothing to answer to.
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
