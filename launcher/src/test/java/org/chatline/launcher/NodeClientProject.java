package org.chatline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node project in {@code src/test/js} (the official socket.io-client), copied to
 * {@code target/e2e-js} and installed there with {@code npm ci} from its committed lockfile,
 * so the source tree never gets a node_modules folder.
 */
final class NodeClientProject {

	private static final Path SOURCE = Path.of("src/test/js");

	private static final Path TARGET = Path.of("target/e2e-js");

	private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc",
			"socket-client.mjs");

	private NodeClientProject() {
	}

	/** Installs the client when its lockfile changed; returns the folder to run {@code node} in. */
	static synchronized Path install() {
		String version = run(TARGET.getParent(), 30, "node", "--version").trim();
		int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
		if (major < 18) {
			throw new IllegalStateException("Node 18+ (20 tested) is required for the end-to-end tests, found " + version);
		}
		try {
			Files.createDirectories(TARGET);
			Path installedLock = TARGET.resolve("node_modules/.chatline-installed-lock.json");
			boolean lockUnchanged = Files.exists(installedLock) && Arrays.equals(
					Files.readAllBytes(installedLock), Files.readAllBytes(SOURCE.resolve("package-lock.json")));
			for (String file : FILES) {
				Files.copy(SOURCE.resolve(file), TARGET.resolve(file), StandardCopyOption.REPLACE_EXISTING);
			}
			if (!lockUnchanged || !Files.exists(TARGET.resolve("node_modules/socket.io-client/package.json"))) {
				run(TARGET, 300, "npm", "ci", "--no-audit", "--no-fund");
				Files.copy(SOURCE.resolve("package-lock.json"), installedLock, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot prepare " + TARGET + ": " + ex.getMessage(), ex);
		}
		return TARGET.toAbsolutePath();
	}

	private static String run(Path dir, int timeoutSeconds, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
						+ ") in " + dir.toAbsolutePath() + ":\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command[0] + " (" + ex.getMessage()
					+ "): the end-to-end tests need Node 18+ and npm on the PATH", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + String.join(" ", command), ex);
		}
	}

}
