package org.chatline.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO connection made by the official JavaScript client in a Node process
 * ({@code src/test/js/socket-client.mjs}); every event it receives is recorded.
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

		WEBSOCKET, POLLING;

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String label;

	private final Process process;

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private final List<String> stderr = new CopyOnWriteArrayList<>();

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
		Path dir = NodeClientProject.install();
		try {
			Process process = new ProcessBuilder("node", "socket-client.mjs", url, auth.arg,
					transport.name().toLowerCase(java.util.Locale.ROOT), (token != null) ? token : "")
				.directory(dir.toFile())
				.start();
			return new SocketClient(label, process);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start node: " + ex.getMessage(), ex);
		}
	}

	List<JsonNode> events(String name) {
		return this.events.stream().filter(e -> name.equals(e.path("event").asString())).map(e -> e.path("data")).toList();
	}

	Optional<JsonNode> first(String name) {
		return events(name).stream().findFirst();
	}

	boolean connected() {
		return first("connect").isPresent();
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

	private void readLines(boolean stdout) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				stdout ? this.process.getInputStream() : this.process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (stdout && line.startsWith("{")) {
					this.events.add(JSON.readTree(line));
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
