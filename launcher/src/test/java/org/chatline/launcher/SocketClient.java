package org.chatline.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO connection made by the official JavaScript client in a Node process
 * ({@code src/test/js/socket-client.mjs}); every event it receives is recorded, in arrival
 * order. {@link #emitWithAck} makes the client emit, as an application would.
 */
final class SocketClient implements AutoCloseable {

	/** How the client presents its token. */
	enum Auth {

		/** {@code io(url, {auth: {token}})}: the token in the CONNECT packet. */
		AUTH_PAYLOAD("auth"),
		/** {@code io(url, {extraHeaders: {authorization: 'Bearer …'}})}. */
		HEADER("header"),
		NONE("none");

		final String arg;

		Auth(String arg) {
			this.arg = arg;
		}

	}

	enum Transport {

		WEBSOCKET, POLLING,
		/** The client's default, as in a browser: polling first, then the upgrade to websocket. */
		DEFAULT;

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String label;

	private final Process process;

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private final List<String> stderr = new CopyOnWriteArrayList<>();

	private final AtomicInteger nextCommandId = new AtomicInteger();

	/** Emits waiting for their ack, by command id. */
	private final Map<Integer, CompletableFuture<JsonNode>> pendingAcks = new ConcurrentHashMap<>();

	private SocketClient(String label, Process process) {
		this.label = label;
		this.process = process;
		Thread out = new Thread(() -> readLines(true), "socket-" + label + "-out");
		Thread err = new Thread(() -> readLines(false), "socket-" + label + "-err");
		out.setDaemon(true);
		err.setDaemon(true);
		out.start();
		err.start();
	}

	static SocketClient connect(String label, String url, Auth auth, Transport transport, String token) {
		return start(label, url, auth, transport, token, false);
	}

	/** A client that reconnects on its own after losing its connection, as applications do. */
	static SocketClient connectReconnecting(String label, String url, Transport transport, String token) {
		return start(label, url, Auth.AUTH_PAYLOAD, transport, token, true);
	}

	private static SocketClient start(String label, String url, Auth auth, Transport transport, String token,
			boolean reconnect) {
		Path dir = NodeClientProject.install();
		try {
			Process process = new ProcessBuilder("node", "socket-client.mjs", url, auth.arg,
					transport.name().toLowerCase(java.util.Locale.ROOT), (token != null) ? token : "",
					reconnect ? "reconnect" : "")
				.directory(dir.toFile())
				.start();
			return new SocketClient(label, process);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start node: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Emits {@code event} with {@code data} and waits for the server's acknowledgement; returns
	 * what the server acknowledged with (an envelope for this platform's events).
	 */
	JsonNode emitWithAck(String event, Object data) {
		int id = this.nextCommandId.incrementAndGet();
		CompletableFuture<JsonNode> ack = new CompletableFuture<>();
		this.pendingAcks.put(id, ack);
		send(id, event, data, true);
		try {
			// The script gives up after 10 s and reports it as the ack's error.
			JsonNode answer = ack.get(15, TimeUnit.SECONDS);
			if (!answer.path("error").isNull()) {
				throw new AssertionError("No ack for " + event + " (" + answer.path("error").asString() + "): " + this);
			}
			return answer.path("response");
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No ack for " + event + " within 15 s: " + this, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		finally {
			this.pendingAcks.remove(id);
		}
	}

	/** Names of the events received so far, in arrival order (our own {@code $ack} records left out). */
	List<String> eventNames() {
		return this.events.stream()
			.map(e -> e.path("event").asString())
			.filter(name -> !name.startsWith("$"))
			.toList();
	}

	List<JsonNode> events(String name) {
		return this.events.stream().filter(e -> name.equals(e.path("event").asString())).map(e -> e.path("data")).toList();
	}

	Optional<JsonNode> first(String name) {
		return events(name).stream().findFirst();
	}

	String label() {
		return this.label;
	}

	boolean connected() {
		return first("connect").isPresent();
	}

	/** The realtime instance of the latest connection (from the gateway's sticky-session cookie), or null. */
	String instance() {
		List<JsonNode> connects = events("connect");
		return connects.isEmpty() ? null : connects.get(connects.size() - 1).path("instance").asString(null);
	}

	@Override
	public String toString() {
		return this.label + " events=" + this.events + (this.stderr.isEmpty() ? "" : " stderr=" + this.stderr);
	}

	@Override
	public void close() {
		try {
			// The script exits when its stdin closes.
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** One command line for the script; synchronized so that concurrent emits never interleave. */
	private synchronized void send(int id, String event, Object data, boolean ack) {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("id", id);
		command.put("event", event);
		command.put("data", data);
		command.put("ack", ack);
		try {
			OutputStream stdin = this.process.getOutputStream();
			stdin.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
			stdin.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot send " + event + " to " + this + ": " + ex.getMessage(), ex);
		}
	}

	private void readLines(boolean stdout) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				stdout ? this.process.getInputStream() : this.process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (stdout && line.startsWith("{")) {
					JsonNode event = JSON.readTree(line);
					this.events.add(event);
					if ("$ack".equals(event.path("event").asString())) {
						CompletableFuture<JsonNode> ack = this.pendingAcks.get(event.path("data").path("id").asInt());
						if (ack != null) {
							ack.complete(event.path("data"));
						}
					}
				}
				else {
					this.stderr.add(line);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			this.stderr.add("(reader stopped: " + ex + ")");
		}
	}

}
