package org.chatline.common.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the integration tests find PostgreSQL and Redis. In this order:
 * <ol>
 * <li>{@code TEST_POSTGRES_HOST}/{@code TEST_POSTGRES_PORT} and {@code TEST_REDIS_HOST}/{@code TEST_REDIS_PORT}
 * when set (they win, as environment variables, over this class);</li>
 * <li>the machine's own server on {@code 127.0.0.1} at the standard port, when it answers;</li>
 * <li>else a container started with Testcontainers, when a Docker engine is available (a laptop
 * or a hosted CI without local servers), once per test JVM and removed when it ends.</li>
 * </ol>
 * Kafka needs none of this: the tests start an in-process broker. {@link Initializer} offers the
 * answers to Spring as {@code TEST_*} properties, looked up only when a test's configuration asks.
 */
public final class TestInfrastructure {

	/** The images docker-compose.yml runs. */
	static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:16.10");

	static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7.4-alpine");

	private static Server postgres;

	private static Server redis;

	private TestInfrastructure() {
	}

	/** A server the tests can reach. */
	public record Server(String host, int port, String origin) {
	}

	public static synchronized Server postgres() {
		if (postgres == null) {
			postgres = locate("PostgreSQL", 5432, TestInfrastructure::dockerAvailable, () -> {
				GenericContainer<?> container = new GenericContainer<>(POSTGRES_IMAGE)
					.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
					.withExposedPorts(5432)
					// The image's entrypoint starts the server twice: once to initialize, then for real.
					.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2));
				container.start();
				return new Server(container.getHost(), container.getMappedPort(5432), "container " + POSTGRES_IMAGE);
			});
		}
		return postgres;
	}

	public static synchronized Server redis() {
		if (redis == null) {
			redis = locate("Redis", 6379, TestInfrastructure::dockerAvailable, () -> {
				GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(6379)
					.waitingFor(Wait.forListeningPort());
				container.start();
				return new Server(container.getHost(), container.getMappedPort(6379), "container " + REDIS_IMAGE);
			});
		}
		return redis;
	}

	/** The local server when it answers, else a container when Docker is there, else a clear failure. */
	static Server locate(String what, int port, BooleanSupplier docker, Supplier<Server> container) {
		if (answers("127.0.0.1", port)) {
			return new Server("127.0.0.1", port, "local server");
		}
		if (docker.getAsBoolean()) {
			return container.get();
		}
		throw new IllegalStateException("Integration tests need " + what + ": nothing answers on 127.0.0.1:" + port
				+ " and no Docker engine is available for Testcontainers. Start " + what + " locally (see DESIGN.md), "
				+ "or point TEST_" + (what.equals("Redis") ? "REDIS" : "POSTGRES") + "_HOST/_PORT at one.");
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/** Offers {@code TEST_POSTGRES_HOST} and friends to the test's configuration, behind real environment variables. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addLast(new ServersPropertySource());
		}

	}

	static final class ServersPropertySource extends PropertySource<Object> {

		ServersPropertySource() {
			super("testInfrastructure", new Object());
		}

		@Override
		public Object getProperty(String name) {
			return switch (name) {
				case "TEST_POSTGRES_HOST" -> postgres().host();
				case "TEST_POSTGRES_PORT" -> postgres().port();
				case "TEST_REDIS_HOST" -> redis().host();
				case "TEST_REDIS_PORT" -> redis().port();
				default -> null;
			};
		}

	}

}
