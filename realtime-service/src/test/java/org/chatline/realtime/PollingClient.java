package org.chatline.realtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Socket.IO v4 client reduced to raw Engine.IO long-polling (EIO=4): open a session, POST packets,
 * GET packets (separated by 0x1e). It speaks the wire protocol directly, so a test can also send what
 * a well-behaved client never would, such as an event before the CONNECT.
 */
final class PollingClient {

	private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private final String base;

	private final String sid;

	private final Map<String, String> headers;

	private final HttpClient http;

	private final Deque<String> received = new ArrayDeque<>();

	private PollingClient(String base, String sid, Map<String, String> headers, HttpClient http) {
		this.base = base;
		this.sid = sid;
		this.headers = headers;
		this.http = http;
	}

	/** The Engine.IO handshake: {@code GET /socket.io/?EIO=4&transport=polling} answers {@code 0{"sid":...}}. */
	static PollingClient open(int port, Map<String, String> headers) throws IOException, InterruptedException {
		String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpResponse<String> response = exchange(http, request(base, headers).GET().build());
		if (response.statusCode() != 200 || !response.body().startsWith("0")) {
			throw new IllegalStateException("Handshake failed: " + response.statusCode() + " " + response.body());
		}
		Matcher sid = SID.matcher(response.body());
		if (!sid.find()) {
			throw new IllegalStateException("No sid in " + response.body());
		}
		return new PollingClient(base, sid.group(1), headers, http);
	}

	static PollingClient open(int port) throws IOException, InterruptedException {
		return open(port, Map.of());
	}

	/** CONNECT to {@code /} with {@code auth.token}. */
	PollingClient connect(String token) throws IOException, InterruptedException {
		send("40{\"token\":\"" + token + "\"}");
		return this;
	}

	void send(String... packets) throws IOException, InterruptedException {
		HttpResponse<String> response = exchange(http, request(url(), headers)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("\u001e", packets)))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("POST answered " + response.statusCode() + " " + response.body());
		}
	}

	/** The next packet matching, polling (and answering pings) until the timeout. */
	String await(Predicate<String> match, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			while (!received.isEmpty()) {
				String packet = received.poll();
				if (match.test(packet)) {
					return packet;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("No matching packet within " + timeout);
			}
			poll();
		}
	}

	/** Every packet that arrives within the period (pings answered, not returned). */
	List<String> collect(Duration period) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + period.toNanos();
		List<String> packets = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			poll();
		}
		while (!received.isEmpty()) {
			packets.add(received.poll());
		}
		return packets;
	}

	String await(String prefix) throws IOException, InterruptedException {
		return await(packet -> packet.startsWith(prefix), Duration.ofSeconds(10));
	}

	/**
	 * One long-poll GET. The tests run the server with a short ping interval, so the server answers
	 * every GET within about a second (at worst with a ping), and no GET is ever abandoned.
	 */
	private void poll() throws IOException, InterruptedException {
		HttpResponse<String> response = exchange(http,
				request(url(), headers).timeout(Duration.ofSeconds(10)).GET().build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET answered " + response.statusCode() + " " + response.body());
		}
		for (String packet : response.body().split("\u001e")) {
			if (packet.equals("2")) {
				send("3");
			}
			else if (!packet.isEmpty()) {
				received.add(packet);
			}
		}
	}

	void close() {
		try {
			send("1");
		}
		catch (Exception ex) {
			// Already closed by the server.
		}
	}

	private String url() {
		return base + "&sid=" + sid;
	}

	/**
	 * netty-socketio closes the connection after every polling response (while answering
	 * {@code Connection: keep-alive}), so a pooled connection may be dead when reused; a request
	 * that failed that way never reached the server and is sent once more on a new connection.
	 */
	private static HttpResponse<String> exchange(HttpClient http, HttpRequest request)
			throws IOException, InterruptedException {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException stale) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static HttpRequest.Builder request(String url, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
		headers.forEach(builder::header);
		return builder;
	}

	@Override
	public String toString() {
		return "PollingClient[" + sid + ", pending " + Arrays.toString(received.toArray()) + "]";
	}
}
