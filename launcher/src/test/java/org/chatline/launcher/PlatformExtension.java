package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * <p>
 * The moment the platform is up, before any test runs, one user is registered through the gateway
 * ({@link FirstRegistration}): whichever test class starts the platform, {@link RegisterAtOnceE2EIT}
 * can check that "up" meant a registration works.
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
	 * of a killed instance to expire. No class-data archives: each run starts from fresh data, so
	 * one would be written at the end (slowing the stop) and never used.
	 */
	static final Map<String, String> TEST_ENV = Map.of("RATE_LIMIT_ENABLED", "false", "PRESENCE_GRACE", "1s",
			"PRESENCE_TTL", "10s", "PRESENCE_HEARTBEAT", "3s", "CHAT_CDS", "off");

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class);
	}

	/**
	 * Test methods and constructors may take the running {@link Platform}, a {@link FaultInjector} for
	 * it, or the {@link FirstRegistration} sent when it came up, as a parameter.
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Platform.class || type == FaultInjector.class || type == FirstRegistration.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		RunningPlatform running = running(context);
		Class<?> type = parameter.getParameter().getType();
		if (type == FaultInjector.class) {
			return new FaultInjector(running.platform());
		}
		return (type == Platform.class) ? running.platform() : running.firstRegistration();
	}

	static Platform platform(ExtensionContext context) {
		return running(context).platform();
	}

	private static RunningPlatform running(ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.get(RunningPlatform.class, RunningPlatform.class);
	}

	/**
	 * A registration through the gateway sent as soon as {@link Platform#start} returned, which is
	 * when {@code ./run.sh} prints "Chatline is up".
	 *
	 * @param sentAfterUp how long after "up" the request was sent
	 * @param response the gateway's answer
	 */
	record FirstRegistration(Duration sentAfterUp, ChatApi.Response response) {

		static FirstRegistration sendNow(long upAtNanos) {
			String username = "first_" + HexFormat.of().formatHex(randomBytes(5));
			Duration sentAfterUp = Duration.ofNanos(System.nanoTime() - upAtNanos);
			ChatApi.Response response = new ChatApi(ChatApi.GATEWAY).post("/auth/register", ChatApi.json(Map.of(
					"username", username, "email", username + "@example.test", "password", ChatApi.PASSWORD)), null);
			log.info("Registration {} after up answered {}", sentAfterUp, response.status());
			return new FirstRegistration(sentAfterUp, response);
		}

		private static byte[] randomBytes(int n) {
			byte[] bytes = new byte[n];
			ThreadLocalRandom.current().nextBytes(bytes);
			return bytes;
		}

	}

	/** Stored in the root context: JUnit closes it after all tests. */
	record RunningPlatform(Platform platform, FirstRegistration firstRegistration) implements AutoCloseable {

		static RunningPlatform start() {
			Platform platform = startPlatform();
			long up = System.nanoTime();
			try {
				return new RunningPlatform(platform, FirstRegistration.sendNow(up));
			}
			catch (RuntimeException ex) {
				// Not stored, so JUnit would not close it: stop it here.
				platform.close();
				throw ex;
			}
		}

		private static Platform startPlatform() {
			// Install the Node client before minutes of startup, so a missing node fails at once.
			NodeClientProject.install();
			String choice = System.getenv().getOrDefault("CHAT_E2E_INFRA", "").toLowerCase(Locale.ROOT);
			PlatformConfig base = PlatformConfig.fromEnvironment().withChildEnv(TEST_ENV);
			if (choice.equals("machine")) {
				return Platform.start(onMachineServers(fresh(base)));
			}
			try {
				return Platform.start(fresh(base));
			}
			catch (Platform.InfrastructureException ex) {
				if (choice.equals("embedded")) {
					throw ex;
				}
				log.warn("Embedded infrastructure failed ({}); FALLING BACK to the machine's PostgreSQL "
						+ "127.0.0.1:5432 and Redis 127.0.0.1:6379 (set CHAT_E2E_INFRA=embedded to forbid this)",
						ex.getMessage());
				return Platform.start(onMachineServers(fresh(base)));
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
