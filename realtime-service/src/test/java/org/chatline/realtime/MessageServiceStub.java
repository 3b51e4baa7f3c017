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

/**
 * A real HTTP server standing in for message-service's public API: it records each call and
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

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), body));
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
		boolean valid = !body.contains("\"content\":\"\"");
		String reply = valid
				? "{\"success\":true,\"message\":\"Message sent successfully\",\"data\":{\"id\":\"6f1c8a3e-0000-4000-8000-000000000001\",\"status\":\"SENT\",\"createdAt\":\"2025-01-01T00:00:00Z\"}}"
				: "{\"success\":false,\"message\":\"content must not be blank\",\"code\":\"VALIDATION_ERROR\"}";
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(valid ? 201 : 400, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}
}
