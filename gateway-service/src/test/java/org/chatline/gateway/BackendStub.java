package org.chatline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server playing a service behind the gateway: it records the headers of the last
 * request it got and answers with a fixed envelope.
 */
final class BackendStub {

	static final BackendStub INSTANCE = new BackendStub();

	final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

	private final HttpServer server;

	private BackendStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", exchange -> {
			lastHeaders.clear();
			exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
			exchange.getRequestBody().readAllBytes();
			byte[] body = "{\"success\":true,\"data\":\"from-backend\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}
}
