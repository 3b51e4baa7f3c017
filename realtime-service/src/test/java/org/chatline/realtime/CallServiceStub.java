package org.chatline.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for call-service's public API: records each call and answers
 * {@code POST /api/v1/calls} (201) and {@code POST /api/v1/calls/{id}/join} with
 * {@code {call, roomUrl, token}}, the other actions with a plain success. Started once per test JVM.
 */
final class CallServiceStub {

	static final CallServiceStub INSTANCE = new CallServiceStub();

	record Call(String method, String path, String authorization, String body) {
	}

	final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

	private final HttpServer server;

	private CallServiceStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/api/v1/calls", this::answer);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
				body));
		int status;
		String reply;
		if (path.equals("/api/v1/calls")) {
			status = 201;
			reply = "{\"success\":true,\"message\":\"Call initiated successfully\",\"data\":" + room(UUID.randomUUID(),
					"RINGING") + "}";
		}
		else if (path.endsWith("/join")) {
			status = 200;
			reply = "{\"success\":true,\"message\":\"Joined call successfully\",\"data\":"
					+ room(UUID.fromString(path.split("/")[4]), "ONGOING") + "}";
		}
		else {
			status = 200;
			reply = "{\"success\":true,\"message\":\"OK\",\"data\":null}";
		}
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static String room(UUID callId, String status) {
		return "{\"call\":{\"id\":\"" + callId + "\",\"roomId\":\"room-" + callId + "\",\"type\":\"VIDEO\",\"status\":\""
				+ status + "\"},\"roomUrl\":\"https://meet.example/room-" + callId + "\",\"token\":\"jitsi-token\"}";
	}
}
