package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform once per test JVM, with the real service jars, and stops it
 * after the last test (JUnit closes the stored resource), also when tests fail. If the JVM
 * is interrupted instead, {@link Platform}'s own shutdown hook stops every process.
 * <p>
 * Infrastructure: embedded PostgreSQL, Redis and Kafka in a fresh {@code target/e2e-data}
 * (kept after the run for its logs). {@code CHAT_E2E_INFRA=machine} uses the machine's
 * PostgreSQL and Redis on 127.0.0.1 instead; when the embedded servers cannot start and
 * nothing was chosen, the tests fall back to the machine's and say so.
 */
final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

	private static final Logger log = LoggerFactory.getLogger(PlatformExtension.class);

	private static final Path DATA_DIR = Path.of("target/e2e-data");

	/**
	 * Rate limits off for the services: a suite of logins from one address would hit the
	 * contract's 5 per 15 minutes. The gateway's own tests keep and prove the defaults.
	 * Presence grace 1 s instead of 5 s: the presence scenario waits for {@code user:offline},
	 * and the grace itself (no flapping on reconnect) is proven by realtime-service's own tests.
	 * Presence TTL 10 s (heartbeat 3 s) instead of 30 s: the crash scenario waits for the entries
	 * of a killed instance to expire. No class-data archiving: each run starts from fresh data, and
	 * the archiving would compete with the tests for the CPU.
	 */
	static final Map<String, String> TEST_ENV = Map.of("RATE_LIMIT_ENABLED", "false", "PRESENCE_GRACE", "1s",
			"PRESENCE_TTL", "10s", "PRESENCE_HEARTBEAT", "3s", "CHAT_CDS", "off");

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class);
	}

	/** Test methods and constructors may take the running {@link Platform} as a parameter. */
	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Platform.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return platform(context);
	}

	static Platform platform(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.get(RunningPlatform.class, RunningPlatform.class).platform();
	}

	/** Stored in the root context: JUnit closes it after all tests. */
	record RunningPlatform(Platform platform) implements AutoCloseable {

		static RunningPlatform start() {
			// Install the Node client before minutes of startup, so a missing node fails at once.
			NodeClientProject.install();
			String choice = System.getenv().getOrDefault("CHAT_E2E_INFRA", "").toLowerCase(Locale.ROOT);
			PlatformConfig base = PlatformConfig.fromEnvironment().withChildEnv(TEST_ENV);
			if (choice.equals("machine")) {
				return new RunningPlatform(Platform.start(onMachineServers(fresh(base))));
			}
			try {
				return new RunningPlatform(Platform.start(fresh(base)));
			}
			catch (Platform.InfrastructureException ex) {
				if (choice.equals("embedded")) {
					throw ex;
				}
				log.warn("Embedded infrastructure failed ({}); FALLING BACK to the machine's PostgreSQL "
						+ "127.0.0.1:5432 and Redis 127.0.0.1:6379 (set CHAT_E2E_INFRA=embedded to forbid this)",
						ex.getMessage());
				return new RunningPlatform(Platform.start(onMachineServers(fresh(base))));
			}
		}

		@Override
		public void close() {
			this.platform.close();
		}

	}

	private static PlatformConfig onMachineServers(PlatformConfig config) {
		return config.withPostgres(new PlatformConfig.Postgres("127.0.0.1", 5432, "postgres", ""))
			.withRedis(new PlatformConfig.Redis("127.0.0.1", 6379));
	}

	private static PlatformConfig fresh(PlatformConfig config) {
		deleteRecursively(DATA_DIR);
		return config.withDataDir(DATA_DIR);
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path d, IOException ex) throws IOException {
					Files.delete(d);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot clear " + dir + ": " + ex.getMessage(), ex);
		}
	}

}
