package org.chatline.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/** Checks that the ports the platform needs are free, and says who holds one that is not. */
final class Ports {

	private static final Path PROC = Path.of("/proc");

	private Ports() {
	}

	/**
	 * @param wanted port → what the platform would run there
	 * @throws IllegalStateException naming every taken port, its intended use and its holder
	 */
	static void requireFree(Map<Integer, String> wanted) {
		List<String> problems = new ArrayList<>();
		wanted.forEach((port, use) -> {
			if (!isFree(port)) {
				problems.add("port " + port + " (" + use + ") is in use by " + holder(port).orElse("an unknown process"));
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Cannot start: " + String.join("; ", problems)
					+ ". Stop that process (a running platform: ./run.sh stop) or point the launcher elsewhere"
					+ " (POSTGRES_HOST, REDIS_HOST, KAFKA_BOOTSTRAP_SERVERS, CHAT_*_PORT).");
		}
	}

	static boolean isFree(int port) {
		// Bind the wildcard address like the services do: that also fails when another
		// process holds the port on 127.0.0.1 only.
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** "pid 1234 (java -jar auth-service.jar)" for the process listening on the port, when Linux tells us. */
	static Optional<String> holder(int port) {
		return holderPid(port).stream()
			.mapToObj(pid -> "pid " + pid + " (" + commandLine(PROC.resolve(Long.toString(pid))) + ")")
			.findFirst();
	}

	/** The process listening on the port, from /proc (Linux only). */
	static OptionalLong holderPid(int port) {
		Set<String> inodes = listeningInodes(port);
		if (inodes.isEmpty()) {
			return OptionalLong.empty();
		}
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				if (holdsAny(process, inodes)) {
					return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or /proc not readable: the caller says "unknown process".
		}
		return OptionalLong.empty();
	}

	/** Socket inodes listening on the port, from /proc/net/tcp and tcp6. */
	private static Set<String> listeningInodes(int port) {
		Set<String> inodes = new TreeSet<>();
		String hexPort = String.format(":%04X", port);
		for (String table : List.of("tcp", "tcp6")) {
			try {
				for (String line : Files.readAllLines(PROC.resolve("net").resolve(table))) {
					String[] f = line.trim().split("\\s+");
					// f[1] local address:port, f[3] state (0A = LISTEN), f[9] inode.
					if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
						inodes.add(f[9]);
					}
				}
			}
			catch (IOException ex) {
				// No such table here.
			}
		}
		return inodes;
	}

	private static boolean holdsAny(Path process, Set<String> inodes) {
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
			for (Path fd : fds) {
				String target = Files.readSymbolicLink(fd).toString();
				if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
					return true;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Gone meanwhile, or another user's process.
		}
		return false;
	}

	static String commandLine(Path process) {
		try {
			String cmd = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
				.replace('\0', ' ')
				.trim();
			return (cmd.length() > 160) ? cmd.substring(0, 157) + "..." : cmd;
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** Every port of the chosen services and of the embedded infrastructure, with its use. */
	static Map<Integer, String> neededBy(PlatformConfig config) {
		Map<Integer, String> ports = new LinkedHashMap<>();
		if (config.postgres().embedded()) {
			ports.put(config.postgres().port(), "embedded PostgreSQL");
		}
		if (config.redis().embedded()) {
			ports.put(config.redis().port(), "embedded Redis");
		}
		if (config.kafka().embedded()) {
			ports.put(config.kafka().port(), "embedded Kafka broker");
			ports.put(config.kafka().controllerPort(), "embedded Kafka controller");
		}
		for (PlatformService service : PlatformService.values()) {
			if (config.services().contains(service)) {
				service.ports().forEach(port -> ports.put(port, service.module()));
			}
		}
		return ports;
	}

}
