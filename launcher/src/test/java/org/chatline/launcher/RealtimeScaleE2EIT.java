package org.chatline.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import org.chatline.launcher.SocketClient.Auth;
import org.chatline.launcher.SocketClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two realtime-service instances behind the gateway: the gateway balances Socket.IO sessions over
 * both (sticky per session), and what happens on one reaches sockets on the other. Then the second
 * instance is killed with SIGKILL: its clients reconnect to the first and catch up with
 * {@code GET /messages/sync}, and the presence of users who do not come back settles.
 */
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeScaleE2EIT {

	private static final String SECOND = "realtime-service-2";

	private static final int FIRST_PORT = PlatformService.REALTIME.httpPort();

	private static final int SECOND_PORT = 8087;

	/** Presence TTL (see {@link PlatformExtension#TEST_ENV}) plus a sweep and a push. */
	private static final Duration PRESENCE_SETTLES = Duration.ofSeconds(30);

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	private final List<SocketClient> sockets = new ArrayList<>();

	@BeforeAll
	static void startSecondInstance(Platform platform, FaultInjector faults) {
		if (!platform.pids().containsKey(SECOND)) {
			faults.startInstance(PlatformService.REALTIME, SECOND, SECOND_PORT,
					Map.of("REALTIME_SERVICE_PORT", Integer.toString(SECOND_PORT), "SOCKETIO_PORT", "8097"));
		}
	}

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(SocketClient::close);
	}

	@Test
	@Order(1)
	void messagesTypingAndPresenceCrossInstances() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		// A conversation first: presence goes to the people one shares a conversation with.
		this.api.sendDirect(alice, bob, "Before we meet on two instances");
		SocketClient aliceSocket = openOn(FIRST_PORT, "alice", alice, false);
		SocketClient bobSocket = openOn(SECOND_PORT, "bob", bob, false);

		SocketAwait.event(aliceSocket, "user:online",
				online -> assertThat(online.path("userId").asString()).isEqualTo(bob.id()));

		String restContent = "Over REST to the other instance " + UUID.randomUUID();
		String restId = this.api.sendDirect(alice, bob, restContent).path("id").asString();
		SocketAwait.event(bobSocket, "message:received",
				received -> assertThat(received.path("id").asString()).isEqualTo(restId));

		JsonNode emitted = bobSocket.emitWithAck("message:send",
				Map.of("content", "Over the socket, back again", "type", "TEXT", "receiverId", alice.id()));
		assertThat(emitted.path("success").asBoolean()).as("message:send ack: %s", emitted).isTrue();
		String emittedId = emitted.path("data").path("id").asString();
		SocketAwait.event(aliceSocket, "message:received",
				received -> assertThat(received.path("id").asString()).isEqualTo(emittedId));

		JsonNode typing = aliceSocket.emitWithAck("typing:start", Map.of("receiverId", bob.id()));
		assertThat(typing.path("success").asBoolean()).as("typing:start ack: %s", typing).isTrue();
		SocketAwait.event(bobSocket, "typing:start",
				start -> assertThat(start.path("userId").asString()).isEqualTo(alice.id()));

		bobSocket.close();
		SocketAwait.event(aliceSocket, "user:offline",
				offline -> assertThat(offline.path("userId").asString()).isEqualTo(bob.id()));
	}

	@Test
	@Order(2)
	void clientsOfAKilledInstanceReconnectElsewhereAndMissNothing(FaultInjector faults) {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		TestUser carol = this.api.registerAndLogin();
		this.api.sendDirect(bob, alice, "Hi Alice");
		this.api.sendDirect(carol, bob, "Hi Bob");
		SocketClient bobSocket = openOn(FIRST_PORT, "bob", bob, false);
		SocketClient aliceSocket = openOn(SECOND_PORT, "alice", alice, true);
		SocketClient carolSocket = openOn(SECOND_PORT, "carol", carol, false);
		SocketAwait.event(bobSocket, "user:online",
				online -> assertThat(online.path("userId").asString()).isEqualTo(carol.id()));
		Response synced = this.api.get("/messages/sync", alice.bearer());
		assertThat(synced.status()).as("GET /messages/sync: %s", synced).isEqualTo(200);
		String cursor = synced.body().path("data").path("nextCursor").asString();

		faults.kill(SECOND);
		await("Alice's client notices").atMost(Duration.ofSeconds(20))
			.until(() -> !aliceSocket.events("disconnect").isEmpty());
		Set<String> missed = new LinkedHashSet<>();
		for (int i = 0; i < 3; i++) {
			missed.add(this.api.sendDirect(bob, alice, "While you were away " + i).path("id").asString());
		}

		await("Alice reconnected").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(aliceSocket.events("connect")).as("%s", aliceSocket).hasSize(2));
		assertThat(aliceSocket.instance()).as("instance after the reconnect: %s", aliceSocket)
			.endsWith(":" + FIRST_PORT);
		Response caughtUp = this.api.get("/messages/sync?since=" + cursor, alice.bearer());
		assertThat(caughtUp.status()).as("GET /messages/sync?since=%s: %s", cursor, caughtUp).isEqualTo(200);
		Set<String> synchronizedIds = new HashSet<>();
		caughtUp.body().path("data").path("changes").forEach(change -> synchronizedIds.add(change.path("messageId").asString()));
		assertThat(synchronizedIds).as("changes since the cursor: %s", caughtUp).containsAll(missed);

		// Carol does not come back: her connection entry on the dead instance expires and a sweep
		// announces her offline to Bob.
		assertThat(carolSocket.events("disconnect")).as("%s", carolSocket).isNotEmpty();
		SocketAwait.presence(this.api, carol, bob, false, PRESENCE_SETTLES);
		SocketAwait.event(bobSocket, "user:offline", PRESENCE_SETTLES,
				offline -> assertThat(offline.path("userId").asString()).isEqualTo(carol.id()));
		SocketAwait.presence(this.api, alice, bob, true, SocketAwait.PUSH);
	}

	/**
	 * Opens sockets through the gateway (the client's default transports: polling, then websocket)
	 * until one lands on the realtime instance with the given HTTP port, as the sticky-session cookie
	 * tells; the others are closed.
	 */
	private SocketClient openOn(int port, String label, TestUser user, boolean reconnect) {
		List<SocketClient> elsewhere = new ArrayList<>();
		SocketClient[] landed = new SocketClient[1];
		try {
			await(label + " on the instance at :" + port).atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> {
					SocketClient socket = reconnect
							? SocketClient.connectReconnecting(label, ChatApi.GATEWAY, Transport.DEFAULT, user.accessToken())
							: SocketClient.connect(label, ChatApi.GATEWAY, Auth.AUTH_PAYLOAD, Transport.DEFAULT,
									user.accessToken());
					this.sockets.add(socket);
					SocketAwait.connected(socket);
					if (String.valueOf(socket.instance()).endsWith(":" + port)) {
						landed[0] = socket;
						return true;
					}
					elsewhere.add(socket);
					return false;
				});
		}
		finally {
			elsewhere.forEach(SocketClient::close);
		}
		return landed[0];
	}

}
