package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar launcher.jar} (or {@code ./run.sh}): starts the whole platform on this
 * machine and keeps it up until Ctrl-C or {@code ./run.sh stop}. Configuration comes from
 * environment variables, see {@link PlatformConfig#fromEnvironment(Map)}.
 */
public final class Launcher {

	private static final Logger log = LoggerFactory.getLogger(Launcher.class);

	private Launcher() {
	}

	public static void main(String[] args) {
		PlatformConfig config;
		try {
			config = PlatformConfig.fromEnvironment();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			fail(ex.getMessage());
			return;
		}
		Path pidFile = config.pidFile();
		try {
			Files.createDirectories(config.dataDir());
			refuseIfRunning(pidFile);
			// Written first so that ./run.sh stop also works while the platform is starting.
			writePidFile(pidFile, Map.of("launcher", ProcessHandle.current().pid()));
		}
		catch (IOException ex) {
			fail("Cannot write " + pidFile + ": " + ex.getMessage());
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(pidFile), "pid-file-cleanup"));

		Platform platform;
		try {
			platform = Platform.start(config);
		}
		catch (Platform.ClosedDuringStartup ex) {
			// Ctrl-C while starting: the shutdown hook is stopping everything.
			return;
		}
		catch (Platform.PlatformException ex) {
			if (ex.getCause() != null && !(ex.getCause() instanceof Platform.PlatformException)) {
				// Unexpected: the stack trace is the useful part.
				log.error("Startup failed", ex.getCause());
			}
			fail("Startup failed: " + ex.getMessage());
			return;
		}
		writePidFileQuietly(pidFile, platform.pids());
		System.out.printf(Locale.ROOT, """

				Chatline is up in %.1f s
				  Open     %s in two browsers to chat
				  API      %s/api/v1
				  Swagger  %s/api/docs
				  Eureka   %s (user eureka, password in %s)
				  Logs     %s
				Ctrl-C (or ./run.sh stop) stops everything.%n""", platform.startupTime().toMillis() / 1000.0,
				platform.gatewayUrl(), platform.gatewayUrl(), platform.gatewayUrl(), platform.eurekaUrl(),
				config.dataDir().resolve("secrets").resolve(PlatformSecrets.EUREKA_FILE), config.logsDir());
		// The platform's own shutdown hook stops everything on Ctrl-C / SIGTERM.
		awaitForever();
	}

	/** A second launcher on the same data would fight over the ports and the data folders. */
	private static void refuseIfRunning(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		long pid;
		try {
			pid = Long.parseLong(first.split("\\s+")[0]);
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			fail("A launcher is already running (pid " + pid + ", " + pidFile + "): stop it with ./run.sh stop");
		}
	}

	/** First line the launcher's pid; then "pid name" per process, for ./run.sh stop's fallback. */
	private static void writePidFile(Path pidFile, Map<String, Long> pids) throws IOException {
		String lines = ProcessHandle.current().pid() + System.lineSeparator() + pids.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("launcher"))
			.map(e -> e.getValue() + " " + e.getKey() + System.lineSeparator())
			.collect(Collectors.joining());
		Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
		Files.writeString(tmp, lines);
		Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writePidFileQuietly(Path pidFile, Map<String, Long> pids) {
		try {
			writePidFile(pidFile, pids);
		}
		catch (IOException ex) {
			log.warn("Cannot update {}: {}", pidFile, ex.toString());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Stale pid files are recognised by their dead pid.
		}
	}

	private static void awaitForever() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void fail(String message) {
		log.error(message);
		System.exit(1);
	}

}
