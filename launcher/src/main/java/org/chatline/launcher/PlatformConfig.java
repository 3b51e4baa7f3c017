package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the platform needs to start: where the service jars and the data live, which
 * infrastructure is embedded and which is external, and how the service JVMs run.
 * {@link #fromEnvironment(Map)} reads the environment variables documented in the README.
 *
 * @param home the repository root, holding {@code <module>/target/<module>-*.jar}
 * @param dataDir embedded PostgreSQL and Kafka data, logs and the pid file
 * @param postgres PostgreSQL, embedded when {@code POSTGRES_HOST} is unset (then on
 * {@code CHAT_POSTGRES_PORT}, not {@code POSTGRES_PORT}, so a stray 5432 never collides
 * with a machine's server)
 * @param redis Redis, embedded when {@code REDIS_HOST} is unset (then on {@code CHAT_REDIS_PORT})
 * @param kafka Kafka, embedded when {@code KAFKA_BOOTSTRAP_SERVERS} is unset (then on
 * {@code CHAT_KAFKA_PORT})
 * @param javaOpts JVM options of every service process
 * @param childEnv variables set for every service process on top of the inherited environment
 * @param services the services to run (all of them unless {@code CHAT_SERVICES} narrows it)
 * @param startTimeout how long each start step may take
 */
public record PlatformConfig(Path home, Path dataDir, Postgres postgres, Redis redis, Kafka kafka,
		List<String> javaOpts, Map<String, String> childEnv, Set<PlatformService> services, Duration startTimeout) {

	public static final int EMBEDDED_POSTGRES_PORT = 15432;

	public static final int EMBEDDED_REDIS_PORT = 16379;

	public static final int EMBEDDED_KAFKA_PORT = 19092;

	public static final List<String> DATABASES = List.of("chat_auth", "chat_users", "chat_messages", "chat_groups",
			"chat_calls", "chat_attachments");

	/**
	 * The options the benchmarks run with (docs/benchmarks.md): the full JIT, as production images
	 * have it (C1 only starts a little faster but costs more CPU per message for good); the serial
	 * collector (eight JVMs share a few cores); heap and thread stacks sized for a dev box.
	 */
	public static final List<String> DEFAULT_JAVA_OPTS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx512m",
			"-XX:ReservedCodeCacheSize=96m");

	/** Prefixes of the launcher's own variables passed through to every service (rate limits, feature flags). */
	static final List<String> PASSED_THROUGH_PREFIXES = List.of("CHAT_", "RATE_LIMIT_");

	/** PostgreSQL server; {@code host == null} means embedded on {@code port}. */
	public record Postgres(String host, int port, String user, String password) {
		public boolean embedded() {
			return this.host == null;
		}
	}

	/** Redis server; {@code host == null} means embedded on {@code port}. */
	public record Redis(String host, int port) {
		public boolean embedded() {
			return this.host == null;
		}
	}

	/**
	 * Kafka; {@code bootstrapServers == null} means an embedded broker on {@code port} with
	 * its KRaft controller on {@code port + 1}.
	 */
	public record Kafka(String bootstrapServers, int port) {
		public boolean embedded() {
			return this.bootstrapServers == null;
		}

		public int controllerPort() {
			return this.port + 1;
		}
	}

	public static PlatformConfig fromEnvironment() {
		return fromEnvironment(System.getenv());
	}

	public static PlatformConfig fromEnvironment(Map<String, String> env) {
		Path home = (env.get("CHAT_HOME") != null) ? Path.of(env.get("CHAT_HOME")) : findHome();
		Path dataDir = Path.of(env.getOrDefault("CHAT_DATA_DIR", ".data"));
		String pgHost = blankToNull(env.get("POSTGRES_HOST"));
		Postgres postgres = new Postgres(pgHost,
				(pgHost != null) ? intValue(env, "POSTGRES_PORT", 5432)
						: intValue(env, "CHAT_POSTGRES_PORT", EMBEDDED_POSTGRES_PORT),
				env.getOrDefault("POSTGRES_USER", "postgres"), env.getOrDefault("POSTGRES_PASSWORD", ""));
		String redisHost = blankToNull(env.get("REDIS_HOST"));
		Redis redis = new Redis(redisHost, (redisHost != null) ? intValue(env, "REDIS_PORT", 6379)
				: intValue(env, "CHAT_REDIS_PORT", EMBEDDED_REDIS_PORT));
		Kafka kafka = new Kafka(blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
				intValue(env, "CHAT_KAFKA_PORT", EMBEDDED_KAFKA_PORT));
		List<String> javaOpts = (blankToNull(env.get("CHAT_JAVA_OPTS")) != null)
				? List.of(env.get("CHAT_JAVA_OPTS").trim().split("\\s+")) : DEFAULT_JAVA_OPTS;
		Map<String, String> childEnv = env.entrySet()
			.stream()
			.filter(e -> PASSED_THROUGH_PREFIXES.stream().anyMatch(e.getKey()::startsWith))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
		Set<PlatformService> services = parseServices(env.get("CHAT_SERVICES"));
		Duration timeout = Duration.ofSeconds(intValue(env, "CHAT_START_TIMEOUT", 300));
		return new PlatformConfig(home.toAbsolutePath().normalize(), dataDir.toAbsolutePath().normalize(), postgres,
				redis, kafka, javaOpts, Map.copyOf(childEnv), services, timeout);
	}

	public PlatformConfig withDataDir(Path dir) {
		return new PlatformConfig(this.home, dir.toAbsolutePath().normalize(), this.postgres, this.redis, this.kafka,
				this.javaOpts, this.childEnv, this.services, this.startTimeout);
	}

	/** Adds variables for the service processes (e.g. {@code RATE_LIMIT_ENABLED=false} in tests). */
	public PlatformConfig withChildEnv(Map<String, String> extra) {
		Map<String, String> env = new LinkedHashMap<>(this.childEnv);
		env.putAll(extra);
		return new PlatformConfig(this.home, this.dataDir, this.postgres, this.redis, this.kafka, this.javaOpts,
				Map.copyOf(env), this.services, this.startTimeout);
	}

	public PlatformConfig withPostgres(Postgres server) {
		return new PlatformConfig(this.home, this.dataDir, server, this.redis, this.kafka, this.javaOpts,
				this.childEnv, this.services, this.startTimeout);
	}

	public PlatformConfig withRedis(Redis server) {
		return new PlatformConfig(this.home, this.dataDir, this.postgres, server, this.kafka, this.javaOpts,
				this.childEnv, this.services, this.startTimeout);
	}

	public PlatformConfig withServices(Set<PlatformService> chosen) {
		return new PlatformConfig(this.home, this.dataDir, this.postgres, this.redis, this.kafka, this.javaOpts,
				this.childEnv, Set.copyOf(chosen), this.startTimeout);
	}

	/**
	 * The service's Spring Boot jar: {@code <module>/target/<module>-<version>.jar}, the
	 * newest if several versions were built.
	 */
	public Path jarOf(PlatformService service) {
		Path target = this.home.resolve(service.module()).resolve("target");
		Pattern name = Pattern.compile(Pattern.quote(service.module()) + "-\\d.*(?<!-sources|-tests|-javadoc)\\.jar");
		try (var files = Files.list(target)) {
			return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
				.max(Comparator.comparing(PlatformConfig::lastModified))
				.orElseThrow(() -> missingJar(service, target));
		}
		catch (IOException ex) {
			throw missingJar(service, target);
		}
	}

	private static IllegalStateException missingJar(PlatformService service, Path target) {
		return new IllegalStateException("No jar of " + service.module() + " in " + target
				+ ": build first (./run.sh builds, or mvn -B -DskipTests install)");
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	public Path logsDir() {
		return this.dataDir.resolve("logs");
	}

	public Path pidFile() {
		return this.dataDir.resolve("launcher.pid");
	}

	private static Set<PlatformService> parseServices(String list) {
		if (blankToNull(list) == null) {
			return Set.copyOf(EnumSet.allOf(PlatformService.class));
		}
		Set<PlatformService> chosen = EnumSet.noneOf(PlatformService.class);
		for (String name : list.split("[,\\s]+")) {
			chosen.add(Arrays.stream(PlatformService.values())
				.filter(s -> s.module().equals(name) || s.module().equals(name + "-service"))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("CHAT_SERVICES: unknown service '" + name + "'")));
		}
		return Set.copyOf(chosen);
	}

	/** The repository root: the first folder upwards from the working directory that holds the modules. */
	private static Path findHome() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve(PlatformService.DISCOVERY.module()))
					&& Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException(
				"Cannot find the chatline repository above " + Path.of("").toAbsolutePath() + "; set CHAT_HOME");
	}

	private static int intValue(Map<String, String> env, String name, int fallback) {
		String value = blankToNull(env.get(name));
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
