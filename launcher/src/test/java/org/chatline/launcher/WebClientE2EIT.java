package org.chatline.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real browser, on the platform {@link PlatformExtension} started: the Node
 * tests in {@code web-client/e2e} (playwright-core driving the machine's Chromium, never a
 * downloaded one; axe-core) are copied to {@code target/web-e2e}, installed from their lockfile
 * and run with {@code npm test} against the gateway. Screenshots land in
 * {@code target/web-e2e/screenshots}. Chromium: {@code CHROMIUM}, else {@code /usr/bin/chromium}
 * (Debian's {@code chromium} package, which {@code .ci/run} installs).
 */
@ExtendWith(PlatformExtension.class)
class WebClientE2EIT {

	private static final Path SOURCE = Path.of("../web-client/e2e");

	private static final Path TARGET = Path.of("target/web-e2e");

	private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc",
			"web-client.test.mjs");

	@Test
	void theBrowserScenariosPass(Platform platform) throws Exception {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		assertThat(Path.of(chromium)).as("Chromium for the browser tests (apt-get install chromium, or set CHROMIUM)")
			.isExecutable();
		Files.createDirectories(TARGET);
		for (String file : FILES) {
			Files.copy(SOURCE.resolve(file), TARGET.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		assertThat(run(Map.of(), 300, "npm", "ci")).as("npm ci in %s", TARGET).isZero();

		int exit = run(Map.of("GATEWAY_URL", platform.gatewayUrl(), "CHROMIUM", chromium, "SCREENSHOTS_DIR", "screenshots"),
				240, "npm", "test");

		assertThat(exit).as("npm test of the browser scenarios (output above, and in %s)", TARGET.resolve("npm-test.log"))
			.isZero();
	}

	/** Runs a command in {@link #TARGET}, its output both in the build log and in a file. */
	private static int run(Map<String, String> env, int timeoutSeconds, String... command)
			throws IOException, InterruptedException {
		File log = TARGET.resolve(command[command.length - 1].replace(' ', '-') + ".log").toFile();
		ProcessBuilder builder = new ProcessBuilder(command).directory(TARGET.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log);
		builder.environment().putAll(env);
		Process process = builder.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		System.out.println(Files.readString(log.toPath(), StandardCharsets.UTF_8));
		return finished ? process.exitValue() : -1;
	}
}
