package org.chatline.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.chatline.common.test.ServiceTokenCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for message-service's public API and its batch endpoint for sends:
 * it records each call (each send of a batch as the {@code POST /api/v1/messages} it stands for) and
 * answers like message-service would (201 with the envelope, or 400 for an empty content). A call
 * whose body contains a marker a test {@link #hold holds} is answered only once the test releases it
 * (a slow service). Started once per test JVM.
 */
final class MessageServiceStub {

	static final MessageServiceStub INSTANCE = new MessageServiceStub();

	record Call(String method, String path, String authorization, String body) {
	}

	final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

	private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

	private final HttpServer server;

	private MessageServiceStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/api/v1/messages", this::answer);
		server.createContext("/internal/messages/send-batch", ServiceTokenCheck.guard(this::answerBatch));
		// Held calls must not block the others.
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Calls whose body contains the marker wait (at most 10 s) until the returned latch is counted down. */
	CountDownLatch hold(String marker) {
		CountDownLatch release = new CountDownLatch(1);
		held.put(marker, release);
		return release;
	}

	/** Batches of sends received, each as its number of sends. */
	final BlockingQueue<Integer> batches = new LinkedBlockingQueue<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private void answerBatch(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		JsonNode sends = json.readTree(body).get("sends");
		batches.add(sends.size());
		StringBuilder reply = new StringBuilder("{\"success\":true,\"data\":[");
		for (int i = 0; i < sends.size(); i++) {
			String message = json.writeValueAsString(sends.get(i).get("message"));
			calls.add(new Call("POST", "/api/v1/messages", "Bearer " + sends.get(i).get("token").asString(), message));
			boolean valid = valid(message);
			reply.append(i == 0 ? "" : ",").append("{\"status\":").append(valid ? 201 : 400).append(",\"body\":")
				.append(envelope(valid)).append('}');
		}
		waitIfHeld(body);
		respond(exchange, 200, reply.append("]}").toString());
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), body));
		waitIfHeld(body);
		boolean valid = valid(body);
		respond(exchange, valid ? 201 : 400, envelope(valid));
	}

	private static boolean valid(String body) {
		return !body.contains("\"content\":\"\"");
	}

	private static String envelope(boolean valid) {
		return valid
				? "{\"success\":true,\"message\":\"Message sent successfully\",\"data\":{\"id\":\"6f1c8a3e-0000-4000-8000-000000000001\",\"status\":\"SENT\",\"createdAt\":\"2025-01-01T00:00:00Z\"}}"
				: "{\"success\":false,\"message\":\"content must not be blank\",\"code\":\"VALIDATION_ERROR\"}";
	}

	private static void respond(HttpExchange exchange, int status, String reply) throws IOException {
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private void waitIfHeld(String body) {
		for (Map.Entry<String, CountDownLatch> hold : held.entrySet()) {
			if (body.contains(hold.getKey())) {
				try {
					hold.getValue().await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}
}
