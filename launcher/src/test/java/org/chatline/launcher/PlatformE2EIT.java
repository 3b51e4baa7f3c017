package org.chatline.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import org.chatline.launcher.SocketClient.Auth;
import org.chatline.launcher.SocketClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole platform, started from the real service jars by {@link Platform}, driven from
 * outside through the gateway: REST with Java's HttpClient, Socket.IO with the official
 * JavaScript client on Node.
 */
@ExtendWith(PlatformExtension.class)
class PlatformE2EIT {

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	private final List<SocketClient> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(SocketClient::close);
	}

	/** Zonky's defaults (fsync and synchronous commit off) would lose acknowledged messages in a crash. */
	@Test
	void embeddedPostgresWaitsForTheWalOnDiskBeforeACommitReturns(Platform platform) throws SQLException {
		PlatformConfig.Postgres pg = platform.config().postgres();
		assumeTrue(pg.embedded(), "the tests run on the machine's PostgreSQL (CHAT_E2E_INFRA)");
		try (Connection db = DriverManager.getConnection(platform.jdbcUrl("chat_messages"), pg.user(), pg.password());
				Statement show = db.createStatement()) {
			for (String setting : List.of("synchronous_commit", "fsync")) {
				try (ResultSet value = show.executeQuery("show " + setting)) {
					assertThat(value.next()).isTrue();
					assertThat(value.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	@Test
	void directMessageReachesEverySocketOfTheReceiverAndConfirmsToTheSender() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		SocketClient bobWebsocket = open("bob-websocket-auth", Auth.AUTH_PAYLOAD, Transport.WEBSOCKET, bob.accessToken());
		SocketClient bobPolling = open("bob-polling-header", Auth.HEADER, Transport.POLLING, bob.accessToken());
		SocketClient aliceWebsocket = open("alice-websocket-auth", Auth.AUTH_PAYLOAD, Transport.WEBSOCKET,
				alice.accessToken());
		await("sockets connected").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (SocketClient socket : List.of(bobWebsocket, bobPolling, aliceWebsocket)) {
				assertThat(socket.connected()).as("%s", socket).isTrue();
			}
		});

		String content = "Hello Bob " + UUID.randomUUID();
		Response sent = this.api.post("/messages",
				ChatApi.json(Map.of("content", content, "type", "TEXT", "receiverId", bob.id())), alice.bearer());

		assertThat(sent.status()).as("POST /messages: %s", sent).isEqualTo(201);
		assertThat(sent.body().path("success").asBoolean()).as("success: %s", sent).isTrue();
		JsonNode message = sent.body().path("data");
		String id = message.path("id").asString();
		assertThat(id).as("data.id: %s", sent).isNotBlank();
		assertThat(message.path("senderId").asString()).as("data.senderId").isEqualTo(alice.id());
		assertThat(message.path("receiverId").asString()).as("data.receiverId").isEqualTo(bob.id());
		assertThat(message.path("groupId").isNull()).as("data.groupId is null: %s", sent).isTrue();
		assertThat(message.path("content").asString()).as("data.content").isEqualTo(content);
		assertThat(message.path("type").asString()).as("data.type").isEqualTo("TEXT");
		assertThat(message.path("status").asString()).as("data.status").isEqualTo("SENT");
		assertThat(message.path("createdAt").asString()).as("data.createdAt").isNotBlank();

		await("message:received on both of Bob's sockets").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			for (SocketClient socket : List.of(bobWebsocket, bobPolling)) {
				assertThat(socket.events("message:received")).as("%s", socket)
					.anySatisfy(received -> {
						assertThat(received.path("id").asString()).isEqualTo(id);
						assertThat(received.path("content").asString()).isEqualTo(content);
						assertThat(received.path("senderId").asString()).isEqualTo(alice.id());
					});
			}
		});
		await("message:sent on Alice's socket").atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(aliceWebsocket.events("message:sent")).as("%s", aliceWebsocket)
				.anySatisfy(confirmed -> assertThat(confirmed.path("id").asString()).isEqualTo(id)));
	}

	@Test
	void malformedJsonIsAValidationError() {
		TestUser alice = this.api.registerAndLogin();

		assertError(this.api.post("/messages", "{\"content\": \"hi\", ", alice.bearer()), 400, "VALIDATION_ERROR");
		assertError(this.api.post("/auth/login", "{not json", null), 400, "VALIDATION_ERROR");
	}

	@Test
	void missingFieldsAreAValidationError() {
		TestUser alice = this.api.registerAndLogin();

		assertError(this.api.post("/messages", "{}", alice.bearer()), 400, "VALIDATION_ERROR");
		assertError(this.api.post("/auth/register", ChatApi.json(Map.of("username", "only_a_name")), null), 400,
				"VALIDATION_ERROR");
	}

	@Test
	void twoMegabyteBodyIsRefusedWithTheErrorEnvelope() {
		TestUser alice = this.api.registerAndLogin();
		String huge = ChatApi.json(Map.of("content", "x".repeat(2 * 1024 * 1024), "type", "TEXT", "receiverId",
				alice.id()));

		Response response = this.api.post("/messages", huge, alice.bearer());

		assertThat(response.status()).as("%s", abbreviated(response)).isIn(400, 413);
		assertThat(response.body().path("success").isBoolean()).as("envelope: %s", abbreviated(response)).isTrue();
		assertThat(response.body().path("success").asBoolean()).isFalse();
		assertThat(response.body().path("code").asString()).as("code: %s", abbreviated(response)).isNotBlank();
	}

	@Test
	void sendingWithoutOrWithATamperedTokenIsUnauthorized() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		String body = ChatApi.json(Map.of("content", "hi", "type", "TEXT", "receiverId", bob.id()));

		assertError(this.api.post("/messages", body, null), 401, "UNAUTHORIZED");
		assertError(this.api.post("/messages", body, "Bearer " + tamper(alice.accessToken())), 401, "UNAUTHORIZED");
		assertError(this.api.post("/messages", body, "Bearer not-a-jwt"), 401, "UNAUTHORIZED");
	}

	@Test
	void socketWithABadTokenIsRefusedAtConnect() {
		TestUser alice = this.api.registerAndLogin();
		SocketClient tampered = open("tampered-token", Auth.AUTH_PAYLOAD, Transport.WEBSOCKET,
				tamper(alice.accessToken()));
		SocketClient garbage = open("garbage-header", Auth.HEADER, Transport.POLLING, "not-a-jwt");
		SocketClient none = open("no-token", Auth.NONE, Transport.WEBSOCKET, null);

		await("connect_error for every bad token").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			for (SocketClient socket : List.of(tampered, garbage, none)) {
				assertThat(socket.first("connect_error")).as("%s", socket).isPresent();
			}
		});
		for (SocketClient socket : List.of(tampered, garbage, none)) {
			assertThat(socket.connected()).as("%s", socket).isFalse();
		}
	}

	private SocketClient open(String label, Auth auth, Transport transport, String token) {
		SocketClient socket = SocketClient.connect(label, ChatApi.GATEWAY, auth, transport, token);
		this.sockets.add(socket);
		return socket;
	}

	private static void assertError(Response response, int status, String code) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.body().path("success").isBoolean()).as("envelope: %s", response).isTrue();
		assertThat(response.body().path("success").asBoolean()).as("success: %s", response).isFalse();
		assertThat(response.body().path("code").asString()).as("code: %s", response).isEqualTo(code);
		assertThat(response.body().path("message").asString()).as("message: %s", response).isNotBlank();
	}

	/** Same header and claims, one signature character changed: well-formed but not signed by auth-service. */
	private static String tamper(String jwt) {
		int signatureStart = jwt.lastIndexOf('.') + 1;
		int at = signatureStart + (jwt.length() - signatureStart) / 2;
		char replacement = (jwt.charAt(at) == 'A') ? 'B' : 'A';
		return jwt.substring(0, at) + replacement + jwt.substring(at + 1);
	}

	private static String abbreviated(Response response) {
		String raw = response.raw();
		return response.status() + " " + ((raw.length() > 300) ? raw.substring(0, 300) + "..." : raw);
	}

}
