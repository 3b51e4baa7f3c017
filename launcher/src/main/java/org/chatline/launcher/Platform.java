package org.chatline.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: PostgreSQL, Redis and Kafka (each embedded unless
 * configured as external), then every service as a child JVM, started wave by wave and
 * waited for until the gateway routes through Eureka. Used by {@link Launcher} and by the
 * end-to-end tests:
 *
 * <pre>
 * try (Platform platform = Platform.start(PlatformConfig.fromEnvironment())) {
 *     // http://localhost:3000/api/v1 ...
 * }
 * </pre>
 *
 * A JVM shutdown hook closes a started platform if its owner never does (Ctrl-C, an
 * interrupted build), so no process outlives the JVM that started it, barring SIGKILL. The
 * end-to-end tests' fault injector (kill, restart, outages) builds on the package-private steps
 * of the start: {@link #spawn}, {@link #awaitReady}, {@link #startServer}.
 */
public final class Platform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	/** How long a service gets for Spring's graceful shutdown before it is killed. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	/**
	 * The same for a service writing its class-data archive as it exits: a wave of them writing
	 * together on two cores needed up to 40 s.
	 */
	private static final Duration ARCHIVING_STOP_GRACE = Duration.ofSeconds(90);

	/** A service's class-data archive, next to its extracted jar (see {@link #classDataSharing}). */
	static final String CLASS_ARCHIVE = "app.jsa";

	/** Every service but the gateway listens on loopback only, unless {@code CHAT_BIND_ADDRESS} says otherwise. */
	static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

	private final PlatformConfig config;

	private final Probes probes = new Probes();

	private final Object lock = new Object();

	/** Embedded servers; guarded by {@link #lock}. */
	private final Map<Server, AutoCloseable> infrastructure = new EnumMap<>(Server.class);

	/** Class-data archives being recorded, by the process that writes it when it exits; guarded by {@link #lock}. */
	private final Map<ServiceProcess, Path> recordedArchives = new HashMap<>();

	/** Service processes, in start order; guarded by {@link #lock}. */
	private final List<ServiceProcess> processes = new ArrayList<>();

	private final Thread shutdownHook = new Thread(this::close, "platform-shutdown");

	private boolean closed;

	private final String postgresHost;

	private final String redisHost;

	private final String kafkaBootstrap;

	private final PlatformSecrets secrets;

	/** Where every service but the gateway listens: loopback unless {@code CHAT_BIND_ADDRESS} opens it. */
	private final String bindAddress;

	private Duration startupTime;

	/** The extracted jar each service runs from. */
	private final Map<PlatformService, Path> jars = new LinkedHashMap<>();

	private Platform(PlatformConfig config) {
		this.config = config;
		this.postgresHost = config.postgres().embedded() ? "127.0.0.1" : config.postgres().host();
		this.redisHost = config.redis().embedded() ? "127.0.0.1" : config.redis().host();
		this.kafkaBootstrap = config.kafka().embedded() ? "127.0.0.1:" + config.kafka().port()
				: config.kafka().bootstrapServers();
		Map<String, String> env = new LinkedHashMap<>(System.getenv());
		env.putAll(config.childEnv());
		this.secrets = PlatformSecrets.load(config.dataDir(), env);
		String bind = env.get("CHAT_BIND_ADDRESS");
		this.bindAddress = (bind == null || bind.isBlank()) ? DEFAULT_BIND_ADDRESS : bind.trim();
	}

	/** Starts everything and returns once the gateway routes; on failure stops what it started and throws. */
	public static Platform start(PlatformConfig config) {
		Platform platform = new Platform(config);
		platform.doStart();
		return platform;
	}

	public PlatformConfig config() {
		return this.config;
	}

	/** Public base URL of the gateway, e.g. {@code http://localhost:3000}. */
	public String gatewayUrl() {
		return "http://localhost:" + PlatformService.GATEWAY.httpPort();
	}

	public String eurekaUrl() {
		return "http://localhost:" + PlatformService.DISCOVERY.httpPort();
	}

	/** Kafka's bootstrap servers as the services use them. */
	public String kafkaBootstrapServers() {
		return this.kafkaBootstrap;
	}

	/** A JDBC URL for one of the platform's databases (e.g. {@code chat_messages}). */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.postgresHost + ":" + this.config.postgres().port() + "/" + database;
	}

	public Duration startupTime() {
		return this.startupTime;
	}

	/** Service name → pid of every process the platform started, embedded servers included. */
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("launcher", ProcessHandle.current().pid());
		if (this.config.postgres().embedded()) {
			postmasterPid().ifPresent(pid -> pids.put("postgres", pid));
		}
		if (this.config.redis().embedded()) {
			Ports.holderPid(this.config.redis().port()).ifPresent(pid -> pids.put("redis-server", pid));
		}
		synchronized (this.lock) {
			this.processes.forEach(p -> pids.put(p.name(), p.pid()));
		}
		return pids;
	}

	/** The log file of a service (whether or not it runs). */
	public Path logFile(PlatformService service) {
		return this.config.logsDir().resolve(service.module() + ".log");
	}

	/** The embedded servers, started together at the beginning. */
	enum Server {

		POSTGRES, REDIS, KAFKA

	}

	/** The last instance started under {@code name} (the module name for a service's first instance). */
	ServiceProcess process(String name) {
		synchronized (this.lock) {
			List<ServiceProcess> named = this.processes.stream().filter(p -> p.name().equals(name)).toList();
			if (named.isEmpty()) {
				throw new IllegalArgumentException("No instance named " + name + "; running: "
						+ this.processes.stream().map(ServiceProcess::name).toList());
			}
			return named.get(named.size() - 1);
		}
	}

	private void doStart() {
		long t0 = System.nanoTime();
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		try {
			Files.createDirectories(this.config.logsDir());
			requireFreePorts();
			ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "platform-infra"));
			ExecutorService extractors = Executors.newFixedThreadPool(2, r -> new Thread(r, "platform-jars"));
			try {
				List<Future<String>> infra = Arrays.stream(Server.values())
					.map(server -> pool.submit(() -> startServer(server)))
					.toList();
				// Spring Boot's jar tools, one JVM per service, while the servers start.
				Map<PlatformService, Future<Path>> extracted = new EnumMap<>(PlatformService.class);
				for (PlatformService service : this.config.services().stream().sorted().toList()) {
					Path jar = this.config.jarOf(service);
					Path dir = this.config.dataDir().resolve("jars").resolve(service.module());
					extracted.put(service, extractors.submit(() -> JarSnapshots.snapshot(jar, dir)));
				}
				for (Map.Entry<PlatformService, Future<Path>> service : extracted.entrySet()) {
					this.jars.put(service.getKey(), extracted(service.getValue()));
				}
				// Eureka needs none of the infrastructure: it starts while the servers do.
				List<ServiceProcess> registry = spawnWave(PlatformService.Wave.REGISTRY);
				for (Future<String> server : infra) {
					log.info(await(server));
				}
				awaitReady(registry);
			}
			finally {
				pool.shutdownNow();
				extractors.shutdownNow();
			}
			// A service's readiness includes resolving the services it calls (chat.readiness.requires:
			// auth-service is not ready until its load balancer has a user-service instance), so once this
			// wave is ready a registration works end to end, without creating a probe user.
			awaitReady(spawnWave(PlatformService.Wave.DOMAIN));
			awaitReady(spawnWave(PlatformService.Wave.EDGE));
			if (this.config.services().contains(PlatformService.GATEWAY)
					&& this.config.services().contains(PlatformService.AUTH)) {
				awaitGatewayRoute();
			}
			this.startupTime = Duration.ofNanos(System.nanoTime() - t0);
		}
		catch (PlatformException | Error ex) {
			close();
			throw ex;
		}
		catch (RuntimeException | IOException ex) {
			close();
			throw new PlatformException(ex.getMessage(), ex);
		}
	}

	private void requireFreePorts() {
		Map<Integer, String> infra = new LinkedHashMap<>();
		Map<Integer, String> services = new LinkedHashMap<>();
		Ports.neededBy(this.config).forEach((port, use) -> (use.startsWith("embedded") ? infra : services).put(port, use));
		try {
			Ports.requireFree(infra);
		}
		catch (IllegalStateException ex) {
			throw new InfrastructureException(ex.getMessage(), ex);
		}
		try {
			Ports.requireFree(services);
		}
		catch (IllegalStateException ex) {
			throw new PlatformException(ex.getMessage(), ex);
		}
	}

	/** Starts an embedded server (or checks an external one is there); returns a line for the log. */
	String startServer(Server server) throws Exception {
		return switch (server) {
			case POSTGRES -> startPostgres();
			case REDIS -> startRedis();
			case KAFKA -> startKafka();
		};
	}

	/** Stops an embedded server of this platform; {@link #startServer} starts it again. */
	void stopServer(Server server) throws Exception {
		AutoCloseable running;
		synchronized (this.lock) {
			running = this.infrastructure.remove(server);
		}
		if (running == null) {
			throw new IllegalStateException(server + " is not an embedded server of this platform");
		}
		running.close();
	}

	private String startPostgres() throws Exception {
		PlatformConfig.Postgres pg = this.config.postgres();
		long t0 = System.nanoTime();
		if (pg.embedded()) {
			Path dataDir = this.config.dataDir().resolve("postgres");
			register(Server.POSTGRES,
					EmbeddedPostgresServer.start(dataDir, pg.port(), this.config.logsDir().resolve("postgres.log")));
		}
		try {
			Databases.ensureExist(this.postgresHost, pg.port(), pg.user(), pg.password(), PlatformConfig.DATABASES);
		}
		catch (java.sql.SQLException ex) {
			throw new InfrastructureException("PostgreSQL at " + this.postgresHost + ":" + pg.port() + " (user " + pg.user()
					+ "): cannot create the databases: " + ex.getMessage(), ex);
		}
		return String.format(Locale.ROOT, "PostgreSQL %s on %s:%d (databases %s) in %.1f s",
				pg.embedded() ? "embedded, data in " + this.config.dataDir().resolve("postgres") + "," : "external",
				this.postgresHost, pg.port(), String.join(", ", PlatformConfig.DATABASES), seconds(t0));
	}

	private String startRedis() throws Exception {
		PlatformConfig.Redis redis = this.config.redis();
		long t0 = System.nanoTime();
		if (redis.embedded()) {
			register(Server.REDIS, EmbeddedRedisServer.start(redis.port()));
		}
		else {
			requireReachable("Redis (REDIS_HOST)", this.redisHost, redis.port());
		}
		return String.format(Locale.ROOT, "Redis %s on %s:%d in %.1f s", redis.embedded() ? "embedded" : "external",
				this.redisHost, redis.port(), seconds(t0));
	}

	private String startKafka() throws Exception {
		PlatformConfig.Kafka kafka = this.config.kafka();
		long t0 = System.nanoTime();
		if (kafka.embedded()) {
			register(Server.KAFKA, EmbeddedKafkaBroker.start(this.config.dataDir().resolve("kafka"), kafka.port(),
					kafka.controllerPort()));
		}
		else {
			String first = this.kafkaBootstrap.split(",")[0].trim();
			int colon = first.lastIndexOf(':');
			requireReachable("Kafka (KAFKA_BOOTSTRAP_SERVERS)", first.substring(0, colon),
					Integer.parseInt(first.substring(colon + 1)));
		}
		return String.format(Locale.ROOT, "Kafka %s at %s in %.1f s",
				kafka.embedded() ? "embedded (KRaft, data in " + this.config.dataDir().resolve("kafka") + ")"
						: "external",
				this.kafkaBootstrap, seconds(t0));
	}

	private void register(Server name, AutoCloseable server) throws Exception {
		synchronized (this.lock) {
			if (!this.closed) {
				this.infrastructure.put(name, server);
				return;
			}
		}
		// Closed while this server was starting (Ctrl-C): nobody else will stop it.
		server.close();
		requireOpen();
	}

	/** Startup gives up quietly once {@link #close()} was called (Ctrl-C during startup). */
	private void requireOpen() {
		synchronized (this.lock) {
			if (this.closed) {
				throw new ClosedDuringStartup();
			}
		}
	}

	private List<ServiceProcess> spawnWave(PlatformService.Wave wave) {
		List<ServiceProcess> spawned = new ArrayList<>();
		for (PlatformService service : PlatformService.inWave(wave)) {
			if (this.jars.containsKey(service)) {
				spawned.add(spawn(ServiceProcess.Instance.primary(service)));
			}
		}
		return spawned;
	}

	/**
	 * Starts an instance (see {@link #awaitReady}). An instance of that name that has ended (a crash, a
	 * kill) is replaced; a running one is an error.
	 */
	ServiceProcess spawn(ServiceProcess.Instance instance) {
		ServiceProcess process;
		synchronized (this.lock) {
			requireOpen();
			this.processes.stream().filter(p -> p.name().equals(instance.name())).findFirst().ifPresent(old -> {
				if (old.isAlive()) {
					throw new IllegalStateException(instance.name() + " is running already (pid " + old.pid() + ")");
				}
				this.processes.remove(old);
				this.recordedArchives.remove(old);
			});
			Path jar = this.jars.get(instance.service());
			List<String> javaOpts = new ArrayList<>(this.config.javaOpts());
			Path archive = jar.resolveSibling(CLASS_ARCHIVE);
			boolean records = false;
			if (classDataSharing() && Files.isRegularFile(archive)) {
				javaOpts.add("-XX:SharedArchiveFile=" + archive);
			}
			else if (classDataSharing() && instance.name().equals(instance.service().module())) {
				javaOpts.add("-XX:ArchiveClassesAtExit=" + archive);
				records = true;
			}
			try {
				process = ServiceProcess.start(instance, jar, javaOpts,
						serviceEnvironment(instance.service()), this.config.home(), this.config.logsDir());
			}
			catch (IOException ex) {
				throw new PlatformException("Cannot start " + instance.name() + ": " + ex.getMessage(), ex);
			}
			this.processes.add(process);
			if (records) {
				this.recordedArchives.put(process, archive);
			}
		}
		log.info("Starting {} (pid {}, log {})", instance.name(), process.pid(), display(process.logFile()));
		return process;
	}

	/**
	 * Class-data sharing unless {@code CHAT_CDS=off}: the JDK's own. A service's first run records the
	 * classes it loaded into an archive when it exits ({@code -XX:ArchiveClassesAtExit}, next to its
	 * extracted jar); later runs map them ({@code -XX:SharedArchiveFile}) instead of loading, parsing
	 * and verifying them again. A JVM that cannot use an archive (another JDK, other options) starts
	 * without it; a new jar is extracted into a fresh folder, without the old archive.
	 */
	private boolean classDataSharing() {
		return !"off".equalsIgnoreCase(this.config.childEnv().getOrDefault("CHAT_CDS", "on").trim());
	}

	/** What every service process gets on top of the inherited environment. */
	Map<String, String> childEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		// The benchmarks' pool size: 8 per service, 56 PostgreSQL backends in all (the embedded server allows 200).
		if (System.getenv("DB_POOL_SIZE") == null) {
			env.put("DB_POOL_SIZE", "8");
		}
		env.putAll(this.config.childEnv());
		env.put("POSTGRES_HOST", this.postgresHost);
		env.put("POSTGRES_PORT", Integer.toString(this.config.postgres().port()));
		env.put("POSTGRES_USER", this.config.postgres().user());
		env.put("POSTGRES_PASSWORD", this.config.postgres().password());
		env.put("REDIS_HOST", this.redisHost);
		env.put("REDIS_PORT", Integer.toString(this.config.redis().port()));
		env.put("KAFKA_BOOTSTRAP_SERVERS", this.kafkaBootstrap);
		env.put("EUREKA_URL", this.secrets.eurekaUrl(PlatformService.DISCOVERY.httpPort()));
		env.put("CHAT_DATA_DIR", this.config.dataDir().toString());
		// Each service gets its own credential below, never another's (nor the master secret).
		env.remove("CHAT_SERVICE_MASTER_SECRET");
		env.remove("CHAT_SERVICE_SECRET");
		return env;
	}

	/**
	 * {@link #childEnvironment()} plus what only this service gets: its credential for the internal
	 * API (auth-service the master secret it derives everyone's from, discovery-service the registry's
	 * account) and its listen address (loopback, except the gateway, the platform's public door).
	 */
	Map<String, String> serviceEnvironment(PlatformService service) {
		return serviceEnvironment(service, childEnvironment(), this.secrets, this.bindAddress);
	}

	static Map<String, String> serviceEnvironment(PlatformService service, Map<String, String> common,
			PlatformSecrets secrets, String bindAddress) {
		Map<String, String> env = new LinkedHashMap<>(common);
		env.remove("CHAT_SERVICE_MASTER_SECRET");
		env.remove("CHAT_SERVICE_SECRET");
		env.remove("JWT_APP_SECRET");
		switch (service) {
			case DISCOVERY -> {
				env.put("EUREKA_USERNAME", secrets.eurekaUsername());
				env.put("EUREKA_PASSWORD", secrets.eurekaPassword());
			}
			case AUTH -> env.put("CHAT_SERVICE_MASTER_SECRET", secrets.masterSecret());
			default -> env.put("CHAT_SERVICE_SECRET", secrets.serviceSecret(service.module()));
		}
		if (service == PlatformService.CALL) {
			env.put("JWT_APP_SECRET", secrets.jitsiAppSecret());
		}
		if (service != PlatformService.GATEWAY) {
			env.put("SERVER_ADDRESS", bindAddress);
		}
		if (service == PlatformService.REALTIME) {
			env.put("SOCKETIO_BIND_HOST", bindAddress);
		}
		return env;
	}

	/** The registry's account, for the launcher's own look at the registry. */
	String eurekaAuthorization() {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((this.secrets.eurekaUsername() + ":" + this.secrets.eurekaPassword())
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Waits until every process answers UP on its readiness probe; fails if one exits or the start times out. */
	void awaitReady(List<ServiceProcess> wave) {
		List<ServiceProcess> pending = new ArrayList<>(wave);
		long deadline = System.nanoTime() + this.config.startTimeout().toNanos();
		while (!pending.isEmpty()) {
			requireOpen();
			for (ServiceProcess process : List.copyOf(pending)) {
				if (!process.isAlive()) {
					throw new PlatformException(process.name() + " exited during startup (see "
							+ process.logFile() + "):" + System.lineSeparator() + process.failureSummary());
				}
				if (this.probes.ready(process.httpPort())) {
					log.info(String.format(Locale.ROOT, "%s ready on :%d after %.1f s", process.name(),
							process.httpPort(), process.secondsSinceStart()));
					pending.remove(process);
				}
			}
			if (System.nanoTime() > deadline) {
				ServiceProcess first = pending.get(0);
				throw new PlatformException("Not ready after " + this.config.startTimeout().toSeconds() + " s: "
						+ pending.stream().map(ServiceProcess::name).toList() + " (no UP on /actuator/health/readiness)"
						+ "; from " + first.logFile() + ":" + System.lineSeparator() + first.failureSummary());
			}
			pause(250);
		}
	}

	private void awaitGatewayRoute() {
		long t0 = System.nanoTime();
		long deadline = t0 + this.config.startTimeout().toNanos();
		long nextReport = t0 + Duration.ofSeconds(20).toNanos();
		int status;
		while ((status = this.probes.loginThroughGateway(PlatformService.GATEWAY.httpPort())) != 400
				&& status != 401) {
			long now = System.nanoTime();
			if (now > deadline) {
				throw new PlatformException("The gateway does not route to auth-service: POST /api/v1/auth/login "
						+ "answered " + status + " (expected 400 or 401) for " + this.config.startTimeout().toSeconds()
						+ " s; registered in Eureka: " + this.probes.eurekaApplications(PlatformService.DISCOVERY.httpPort(), eurekaAuthorization())
						+ "; see " + logFile(PlatformService.GATEWAY) + " and " + logFile(PlatformService.AUTH));
			}
			if (now > nextReport) {
				log.info("Waiting for the gateway to route (login answered {}; registered in Eureka: {})", status,
						this.probes.eurekaApplications(PlatformService.DISCOVERY.httpPort(), eurekaAuthorization()));
				nextReport = now + Duration.ofSeconds(20).toNanos();
			}
			requireOpen();
			pause(500);
		}
		log.info(String.format(Locale.ROOT, "gateway routes through Eureka (login answered %d) after %.1f s more",
				status, seconds(t0)));
	}

	/** Stops the services (gateway first, Eureka last), then the embedded servers. Idempotent. */
	@Override
	public void close() {
		List<ServiceProcess> toStop;
		List<AutoCloseable> servers;
		Map<ServiceProcess, Path> archives;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			toStop = new ArrayList<>(this.processes);
			servers = new ArrayList<>(this.infrastructure.values());
			archives = new HashMap<>(this.recordedArchives);
		}
		if (Thread.currentThread() != this.shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// The JVM is already shutting down; the hook may run too, and will find us closed.
			}
		}
		if (!toStop.isEmpty() || !servers.isEmpty()) {
			log.info("Stopping the platform");
		}
		List<PlatformService.Wave> waves = new ArrayList<>(List.of(PlatformService.Wave.values()));
		Collections.reverse(waves);
		for (PlatformService.Wave wave : waves) {
			List<ServiceProcess> inWave = toStop.stream().filter(p -> p.service().wave() == wave).toList();
			inWave.forEach(ServiceProcess::requestStop);
			Duration grace = inWave.stream().anyMatch(archives::containsKey) ? ARCHIVING_STOP_GRACE : STOP_GRACE;
			long deadline = System.nanoTime() + grace.toNanos();
			for (ServiceProcess process : inWave) {
				long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
				boolean ended = process.awaitStop(left);
				if (!ended && archives.containsKey(process)) {
					// Killed while writing its class-data archive: a torn one would be ignored at every start.
					deleteQuietly(archives.get(process));
				}
			}
		}
		Collections.reverse(servers);
		for (AutoCloseable server : servers) {
			try {
				server.close();
			}
			catch (Exception ex) {
				log.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), ex.toString());
			}
		}
		if (!toStop.isEmpty() || !servers.isEmpty()) {
			log.info("Platform stopped");
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}: {}", file, ex.toString());
		}
	}

	private java.util.OptionalLong postmasterPid() {
		try {
			List<String> lines = Files.readAllLines(this.config.dataDir().resolve("postgres/postmaster.pid"));
			return lines.isEmpty() ? java.util.OptionalLong.empty()
					: java.util.OptionalLong.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return java.util.OptionalLong.empty();
		}
	}

	private static Path extracted(Future<Path> jar) {
		try {
			return jar.get();
		}
		catch (ExecutionException ex) {
			throw new PlatformException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted during startup", ex);
		}
	}

	private <T> T await(Future<T> future) {
		try {
			return future.get(this.config.startTimeout().toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof PlatformException pe) ? pe : new InfrastructureException(
					cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			throw new InfrastructureException(
					"Infrastructure not up after " + this.config.startTimeout().toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted during startup", ex);
		}
	}

	/** Paths under the repository relative to it (shorter), others absolute. */
	private String display(Path path) {
		return path.startsWith(this.config.home()) ? this.config.home().relativize(path).toString() : path.toString();
	}

	private static void requireReachable(String what, String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 3000);
		}
		catch (IOException ex) {
			throw new InfrastructureException(
					what + " at " + host + ":" + port + " is not reachable: " + ex.getMessage(), ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted during startup", ex);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** The platform could not start; the message says which step failed and why. */
	public static class PlatformException extends RuntimeException {

		PlatformException(String message) {
			super(message);
		}

		PlatformException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** PostgreSQL, Redis or Kafka could not be started or reached (before any service ran). */
	public static final class InfrastructureException extends PlatformException {

		InfrastructureException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** Startup stopped because the platform was closed meanwhile (Ctrl-C), not because something failed. */
	public static final class ClosedDuringStartup extends PlatformException {

		ClosedDuringStartup() {
			super("Platform closed during startup");
		}

	}

}
