package org.chatline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import org.chatline.launcher.SocketClient.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: while a client keeps sending direct and group messages (each with a
 * {@code clientMessageId}, retried with the same id until it is acknowledged, as applications
 * do), one part of the platform fails at a time: every service is killed with SIGKILL and
 * restarted, the Kafka broker is stopped and started, PostgreSQL is restarted, Redis is gone
 * for 30 s. After each fault the suite checks, with nobody's help:
 * <ul>
 * <li>every acknowledged message is stored once (one row per {@code clientMessageId}) under the id
 * the client got;</li>
 * <li>every recipient got every message exactly once: live over its socket, or through
 * {@code GET /messages/sync} from its cursor of before the fault; no socket saw one twice;</li>
 * <li>the tokens issued before the fault are still accepted;</li>
 * <li>the recipients are shown online again;</li>
 * <li>within {@link #RECOVERY} of the part being back, sends are acknowledged again and every
 * service the checks use answers through the gateway ("serving again after" in the table).</li>
 * </ul>
 * Results are printed as a table and written to {@code target/fault-matrix.md}. Not part of the
 * default build (it takes minutes): {@code mvn -pl launcher -am verify -Pfaults -Dit.test=FaultSuiteE2EIT}.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteE2EIT {

	/** How soon after the failed part is back sends must be acknowledged again. */
	static final Duration RECOVERY = Duration.ofSeconds(60);

	/** Redis outage of the issue; the other servers are down for a few seconds. */
	static final Duration REDIS_OUTAGE = Duration.ofSeconds(30);

	static final Duration SERVER_OUTAGE = Duration.ofSeconds(5);

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	private final Map<String, String> results = new LinkedHashMap<>();

	private TestUser alice;

	private TestUser bob;

	private TestUser carol;

	private String groupId;

	private SocketClient bobSocket;

	private SocketClient carolSocket;

	/** A fault: its name and what it does to the platform; returns when the part is back. */
	record Fault(String name, Consumer<FaultInjector> inject) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Fault> faults() {
		List<Fault> faults = new ArrayList<>();
		for (PlatformService service : PlatformService.values()) {
			faults.add(new Fault("kill -9 " + service.module(), injector -> {
				injector.kill(service.module());
				injector.restart(service.module());
			}));
		}
		faults.add(new Fault("Kafka stopped " + SERVER_OUTAGE.toSeconds() + " s",
				injector -> injector.outage(Platform.Server.KAFKA, SERVER_OUTAGE)));
		faults.add(new Fault("PostgreSQL restarted (" + SERVER_OUTAGE.toSeconds() + " s down)",
				injector -> injector.outage(Platform.Server.POSTGRES, SERVER_OUTAGE)));
		faults.add(new Fault("Redis unreachable " + REDIS_OUTAGE.toSeconds() + " s",
				injector -> injector.outage(Platform.Server.REDIS, REDIS_OUTAGE)));
		return faults.stream();
	}

	@BeforeAll
	void users() {
		this.alice = this.api.registerAndLogin();
		this.bob = this.api.registerAndLogin();
		this.carol = this.api.registerAndLogin();
		this.groupId = this.api.createGroup(this.alice, this.bob, this.carol);
		this.bobSocket = SocketClient.connectReconnecting("bob", ChatApi.GATEWAY, Transport.WEBSOCKET,
				this.bob.accessToken());
		this.carolSocket = SocketClient.connectReconnecting("carol", ChatApi.GATEWAY, Transport.WEBSOCKET,
				this.carol.accessToken());
		SocketAwait.connected(this.bobSocket, this.carolSocket);
		// Both see the group's messages before the first fault.
		JsonNode first = this.api.sendToGroup(this.alice, this.groupId, "before the faults");
		SocketAwait.event(this.carolSocket, "message:received",
				m -> assertThat(m.path("id").asString()).isEqualTo(first.path("id").asString()));
	}

	@AfterAll
	void report() throws IOException {
		StringBuilder table = new StringBuilder(
				"| Fault | Messages sent | Failed attempts | Serving again after | Result |\n|---|---|---|---|---|\n");
		this.results.forEach((fault, row) -> table.append("| ").append(fault).append(" | ").append(row).append(" |\n"));
		System.out.println("Fault matrix:\n" + table);
		Files.writeString(Path.of("target/fault-matrix.md"), table);
		if (this.bobSocket != null) {
			this.bobSocket.close();
			this.carolSocket.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("faults")
	void nothingIsLostAndThePlatformServesAgain(Fault fault, Platform platform, FaultInjector injector) throws Exception {
		String bobCursor = cursor(this.bob);
		String carolCursor = cursor(this.carol);
		Traffic traffic = new Traffic(fault.name());
		Thread sender = new Thread(traffic, "fault-traffic");
		sender.start();
		await("traffic before the fault").atMost(Duration.ofSeconds(30)).until(() -> traffic.acknowledged.size() >= 10);

		long faultStarted = System.nanoTime();
		fault.inject().accept(injector);
		long partBack = System.nanoTime();
		int beforeRecovery = traffic.acknowledged.size();
		await("a send acknowledged after: " + fault).atMost(RECOVERY).pollInterval(Duration.ofMillis(100))
			.until(() -> traffic.lastAcknowledgedAt.get() > partBack);
		await("the platform serves again after: " + fault).atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
			.until(this::serves);
		double backAfter = (System.nanoTime() - partBack) / 1e9;
		await("traffic after the recovery").atMost(Duration.ofSeconds(30))
			.until(() -> traffic.acknowledged.size() >= beforeRecovery + 10);
		traffic.stop.set(true);
		sender.join(Duration.ofSeconds(90).toMillis());
		assertThat(sender.isAlive()).as("the sender finished its last retry").isFalse();
		String outcome = "lost, duplicated or refused (see the test failure)";
		try {
			checkNothingLost(platform, traffic, bobCursor, carolCursor);
			outcome = "nothing lost or duplicated; tokens valid; presence settled";
		}
		finally {
			this.results.put(fault.name(), String.format(Locale.ROOT, "%d | %d | %.1f s (fault lasted %.1f s) | %s",
					traffic.acknowledged.size(), traffic.failedAttempts.get(), backAfter,
					(partBack - faultStarted) / 1e9, outcome));
		}
	}

	private void checkNothingLost(Platform platform, Traffic traffic, String bobCursor, String carolCursor)
			throws SQLException {
		Map<String, String> acknowledged = Map.copyOf(traffic.acknowledged);
		assertThat(traffic.otherIdOnRetry).as("retries acknowledged under another id").isEmpty();
		assertThat(StoredMessages.byClientIdPrefix(platform, traffic.run + "-")).as("stored: one row per clientMessageId, under the id acknowledged")
			.isEqualTo(acknowledged);

		Set<String> toBob = Set.copyOf(acknowledged.values());
		Set<String> toCarol = new HashSet<>();
		traffic.groupMessages.forEach(clientId -> toCarol.add(acknowledged.get(clientId)));
		receivedExactlyOnce(this.bob, this.bobSocket, bobCursor, toBob);
		receivedExactlyOnce(this.carol, this.carolSocket, carolCursor, toCarol);

		for (TestUser user : List.of(this.alice, this.bob, this.carol)) {
			Response me = this.api.get("/auth/me", user.bearer());
			assertThat(me.status()).as("the token issued before the fault still works: %s", me).isEqualTo(200);
		}
		SocketAwait.presence(this.api, this.bob, this.alice, true, Duration.ofSeconds(30));
		SocketAwait.presence(this.api, this.carol, this.alice, true, Duration.ofSeconds(30));
	}

	/**
	 * Every message reaches the recipient: live, or through sync from the cursor of before the
	 * fault (what a client does after a reconnect); and no socket session got one twice.
	 */
	private void receivedExactlyOnce(TestUser user, SocketClient socket, String cursor, Set<String> expected) {
		Map<String, Integer> live = new HashMap<>();
		await(user.username() + " receives every message (live or by sync)").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				live.clear();
				socket.events("message:received").forEach(m -> {
					String id = m.path("id").asString();
					if (expected.contains(id)) {
						live.merge(id, 1, Integer::sum);
					}
				});
				Set<String> missing = new HashSet<>(expected);
				missing.removeAll(live.keySet());
				if (!missing.isEmpty()) {
					missing.removeAll(synced(user, cursor));
				}
				assertThat(missing).as("messages %s neither got live nor through sync", user.username()).isEmpty();
			});
		Map<String, Integer> twice = new HashMap<>(live);
		twice.values().removeIf(count -> count == 1);
		assertThat(twice).as("messages %s's socket got more than once", user.username()).isEmpty();
	}

	/** Every service the checks need answers through the gateway (auth, messages, users). */
	private boolean serves() {
		try {
			return this.api.get("/auth/me", this.alice.bearer()).status() == 200
					&& this.api.get("/messages/sync?limit=1", this.bob.bearer()).status() == 200
					&& this.api.get("/users/" + this.bob.id() + "/presence", this.alice.bearer()).status() == 200
					&& this.api.get("/groups/" + this.groupId, this.alice.bearer()).status() == 200;
		}
		catch (IllegalStateException connectionFailed) {
			return false;
		}
	}

	/** Ids of the messages created in the user's conversations since the cursor, all pages. */
	private Set<String> synced(TestUser user, String cursor) {
		Set<String> ids = new HashSet<>();
		String next = cursor;
		for (int page = 0; page < 100; page++) {
			Response sync = this.api.get("/messages/sync?limit=100&since=" + next, user.bearer());
			assertThat(sync.status()).as("GET /messages/sync: %s", sync).isEqualTo(200);
			sync.body().path("data").path("changes").forEach(change -> ids.add(change.path("messageId").asString()));
			next = sync.body().path("data").path("nextCursor").asString();
			if (!sync.body().path("data").path("hasMore").asBoolean()) {
				break;
			}
		}
		return ids;
	}

	/** The user's sync cursor now: where a client would catch up from after losing its connection. */
	private String cursor(TestUser user) {
		String next = "0-0";
		for (int page = 0; page < 1000; page++) {
			Response sync = this.api.get("/messages/sync?limit=100&since=" + next, user.bearer());
			assertThat(sync.status()).as("GET /messages/sync: %s", sync).isEqualTo(200);
			next = sync.body().path("data").path("nextCursor").asString();
			if (!sync.body().path("data").path("hasMore").asBoolean()) {
				return next;
			}
		}
		throw new AssertionError("sync does not end");
	}

	/**
	 * Alice's client: sends direct messages to Bob and group messages in turn, a few per second,
	 * each retried with its {@code clientMessageId} until acknowledged, even after {@link #stop}.
	 */
	private final class Traffic implements Runnable {

		final String run = "fault-" + UUID.randomUUID().toString().substring(0, 8);

		final Map<String, String> acknowledged = new ConcurrentHashMap<>();

		final Set<String> groupMessages = ConcurrentHashMap.newKeySet();

		final AtomicLong lastAcknowledgedAt = new AtomicLong();

		final AtomicLong failedAttempts = new AtomicLong();

		final AtomicBoolean stop = new AtomicBoolean();

		/** Sends acknowledged twice with different ids: a duplicate. */
		final Set<String> otherIdOnRetry = ConcurrentHashMap.newKeySet();

		private final String fault;

		Traffic(String fault) {
			this.fault = fault;
		}

		@Override
		public void run() {
			for (int i = 0; !this.stop.get(); i++) {
				String clientId = this.run + "-" + i;
				boolean toGroup = i % 2 == 1;
				if (toGroup) {
					this.groupMessages.add(clientId);
				}
				Map<String, String> body = new HashMap<>(Map.of("content", this.fault + " #" + i, "type", "TEXT",
						"clientMessageId", clientId));
				body.put(toGroup ? "groupId" : "receiverId", toGroup ? FaultSuiteE2EIT.this.groupId : FaultSuiteE2EIT.this.bob.id());
				long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
				while (!send(clientId, ChatApi.json(body))) {
					this.failedAttempts.incrementAndGet();
					if (System.nanoTime() > giveUp) {
						return;
					}
					pause(200);
				}
				pause(100);
			}
		}

		private boolean send(String clientId, String body) {
			try {
				Response sent = FaultSuiteE2EIT.this.api.post("/messages", body, FaultSuiteE2EIT.this.alice.bearer());
				if (sent.status() == 201 || sent.status() == 200) {
					String id = sent.body().path("data").path("id").asString();
					String previous = this.acknowledged.putIfAbsent(clientId, id);
					if (previous != null && !previous.equals(id)) {
						this.otherIdOnRetry.add(clientId);
					}
					this.lastAcknowledgedAt.set(System.nanoTime());
					return true;
				}
				return false;
			}
			catch (IllegalStateException connectionFailed) {
				return false;
			}
		}

	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
