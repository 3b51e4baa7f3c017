package org.chatline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server playing a service behind the gateway: it records the headers of the last
 * request it got and answers with a fixed envelope. A few paths under the messages route behave
 * like a service in trouble instead: {@link #SLOW_PATH}, {@link #HANG_UP_PATH} and
 * {@link #UNSUPPORTED_MEDIA_TYPE_PATH}.
 */
final class BackendStub {

	static final BackendStub INSTANCE = new BackendStub();

	/** Answers only after {@link #SLOW_DELAY}, far beyond the gateway's response timeout in the tests. */
	static final String SLOW_PATH = "/api/v1/messages/stub/slow";

	static final Duration SLOW_DELAY = Duration.ofSeconds(15);

	/** Closes the connection without answering. */
	static final String HANG_UP_PATH = "/api/v1/messages/stub/hang-up";

	/** Answers 415 with the envelope a service's ApiExceptionHandler writes. */
	static final String UNSUPPORTED_MEDIA_TYPE_PATH = "/api/v1/messages/stub/unsupported-media-type";

	static final String UNSUPPORTED_MEDIA_TYPE_BODY = "{\"success\":false,"
			+ "\"message\":\"Content type must be application/json\",\"code\":\"UNSUPPORTED_MEDIA_TYPE\"}";

	final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

	/** The raw path and query of every request that reached this backend, in order. */
	final List<String> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private BackendStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// One thread per request, so a slow answer does not hold up the others.
		server.setExecutor(Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "backend-stub");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", exchange -> answer(exchange, 200, "{\"success\":true,\"data\":\"from-backend\"}"));
		server.createContext(SLOW_PATH, exchange -> {
			try {
				Thread.sleep(SLOW_DELAY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// Not recorded: it would overwrite the headers of a later test's request.
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.createContext(HANG_UP_PATH, exchange -> {
			record(exchange);
			// The server closes the connection of a handler that fails before answering.
			throw new IOException("hanging up without an answer");
		});
		server.createContext(UNSUPPORTED_MEDIA_TYPE_PATH,
				exchange -> answer(exchange, 415, UNSUPPORTED_MEDIA_TYPE_BODY));
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange, int status, String json) throws IOException {
		record(exchange);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		// As the services do (common-lib's CorrelationIdFilter).
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			exchange.getResponseHeaders().add("X-Request-Id", requestId);
		}
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private void record(HttpExchange exchange) throws IOException {
		received.add(exchange.getRequestURI().getRawPath()
				+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
		lastHeaders.clear();
		exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
		exchange.getRequestBody().readAllBytes();
	}
}
