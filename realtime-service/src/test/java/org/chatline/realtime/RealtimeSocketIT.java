package org.chatline.realtime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.common.events.Topics;
import org.chatline.common.test.TestTokens;
import org.chatline.realtime.socket.SocketServerLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Socket.IO server end to end over raw Engine.IO polling, with events from the embedded Kafka. */
class RealtimeSocketIT extends RealtimeITSupport {

	/** DomainEventConsumer's listener id. */
	private static final String EVENTS_LISTENER = "realtime-events";

	private static volatile boolean consumerPositioned;

	@Autowired
	SocketServerLifecycle socketServer;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	EventCodec codec;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void consumerIsLive() throws Exception {
		if (consumerPositioned) {
			return;
		}
		// The consumer starts at the latest offset, so an event published before it has fetched
		// its position would be skipped: wait until a probe event makes it through.
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(EVENTS_LISTENER), 1);
		UUID probe = UUID.randomUUID();
		PollingClient socket = connected(probe);
		await().atMost(30, TimeUnit.SECONDS).until(() -> {
			publish(directMessage(UUID.randomUUID(), probe, "probe"));
			try {
				socket.await(packet -> packet.startsWith("42[\"message:received\""), Duration.ofSeconds(2));
				return true;
			}
			catch (AssertionError notYet) {
				return false;
			}
		});
		socket.close();
		consumerPositioned = true;
	}

	@Test
	void connectsWithTokenInAuthPayload() throws Exception {
		PollingClient socket = PollingClient.open(port()).connect(TestTokens.access(UUID.randomUUID()));

		assertThat(socket.await("4")).startsWith("40{\"sid\":");
	}

	@Test
	void connectsWithBearerHeaderOnly() throws Exception {
		PollingClient socket = PollingClient.open(port(),
				Map.of("Authorization", TestTokens.bearer(UUID.randomUUID())));
		socket.send("40");

		assertThat(socket.await("4")).startsWith("40{\"sid\":");
	}

	@Test
	void refusesAnInvalidTokenWithConnectError() throws Exception {
		PollingClient socket = PollingClient.open(port()).connect("not-a-token");

		assertThat(socket.await("4")).isEqualTo("44{\"message\":\"Invalid token\"}");
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		UUID user = UUID.randomUUID();
		String expired = TestTokens.access(user, "expired_user", Instant.now().minusSeconds(60));
		PollingClient socket = PollingClient.open(port()).connect(expired);

		assertThat(socket.await("4")).isEqualTo("44{\"message\":\"Token expired\"}");
	}

	@Test
	void refusesABadBearerHeader() throws Exception {
		PollingClient socket = PollingClient.open(port(), Map.of("Authorization", "Bearer forged"));
		socket.send("40");

		assertThat(socket.await("4")).isEqualTo("44{\"message\":\"Invalid token\"}");
	}

	@Test
	void refusesAConnectWithoutAnyToken() throws Exception {
		PollingClient socket = PollingClient.open(port());
		socket.send("40");

		assertThat(socket.await("4")).isEqualTo("44{\"message\":\"Authentication required\"}");
	}

	@Test
	void refusesEventsFromASessionThatNeverConnected() throws Exception {
		UUID receiver = UUID.randomUUID();
		PollingClient watcher = connected(receiver);
		PollingClient intruder = PollingClient.open(port());

		intruder.send("42[\"typing:start\",{\"receiverId\":\"" + receiver + "\"}]",
				"421[\"message:send\",{\"content\":\"hi\",\"receiverId\":\"" + receiver + "\"}]");

		assertThat(intruder.await("42")).isEqualTo("42[\"error\",{\"message\":\"Authentication required\"}]");
		assertThat(intruder.await("43"))
			.isEqualTo("431[{\"success\":false,\"message\":\"Authentication required\",\"code\":\"UNAUTHORIZED\"}]");
		assertThat(watcher.collect(Duration.ofMillis(1500))).noneMatch(packet -> packet.contains("typing:start"));
		assertThat(MessageServiceStub.INSTANCE.calls).noneMatch(call -> call.body().contains(receiver.toString()));
	}

	@Test
	void closesASessionThatDoesNotAuthenticateInTime() throws Exception {
		PollingClient idle = PollingClient.open(port());

		// auth-timeout is 3 s in tests; the server then sends DISCONNECT and drops the session.
		assertThat(awaitClosed(idle)).isTrue();
	}

	@Test
	void pushesADirectMessageToTheReceiverAndConfirmsItToTheSender() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		PollingClient senderSocket = connected(sender);
		PollingClient receiverSocket = connected(receiver);
		MessageCreatedEvent message = directMessage(sender, receiver, "Hello!");

		publish(message);

		JsonNode received = args(receiverSocket.await("42[\"message:received\""));
		assertThat(received.get(1).propertyNames()).containsExactly("id", "senderId", "receiverId", "groupId",
				"content", "type", "status", "createdAt");
		assertThat(received.get(1).get("id").asString()).isEqualTo(message.id().toString());
		assertThat(received.get(1).get("senderId").asString()).isEqualTo(sender.toString());
		assertThat(received.get(1).get("receiverId").asString()).isEqualTo(receiver.toString());
		assertThat(received.get(1).get("groupId").isNull()).isTrue();
		assertThat(received.get(1).get("content").asString()).isEqualTo("Hello!");
		assertThat(received.get(1).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(Instant.parse(received.get(1).get("createdAt").asString())).isEqualTo(message.createdAt());

		JsonNode sent = args(senderSocket.await("42[\"message:sent\""));
		assertThat(sent.get(1).propertyNames()).containsExactly("id", "senderId", "receiverId", "content", "type",
				"status", "createdAt");
		assertThat(sent.get(1).get("id").asString()).isEqualTo(message.id().toString());
		assertThat(sent.get(1).get("status").asString()).isEqualTo("SENT");
	}

	@Test
	void pushesARedeliveredEventOnlyOnce() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		PollingClient receiverSocket = connected(receiver);
		EventEnvelope first = codec.envelope(EventTypes.MESSAGE_CREATED, sender, directMessage(sender, receiver, "one"));
		EventEnvelope second = codec.envelope(EventTypes.MESSAGE_CREATED, sender,
				directMessage(sender, receiver, "two"));

		publish(first);
		publish(first);
		publish(second);

		assertThat(receiverSocket.await("42[\"message:received\"")).contains("\"content\":\"one\"");
		assertThat(receiverSocket.await("42[\"message:received\"")).contains("\"content\":\"two\"");
	}

	@Test
	void relaysTypingToTheReceiverButNotToTheTypist() throws Exception {
		UUID typist = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		PollingClient typistSocket = connected(typist);
		PollingClient receiverSocket = connected(receiver);

		typistSocket.send("42[\"typing:start\",{\"receiverId\":\"" + receiver + "\"}]");

		assertThat(receiverSocket.await("42[\"typing:start\"")).isEqualTo(
				"42[\"typing:start\",{\"userId\":\"" + typist + "\",\"receiverId\":\"" + receiver + "\"}]");
		assertThat(typistSocket.collect(Duration.ofMillis(1500))).noneMatch(packet -> packet.contains("typing"));
	}

	@Test
	void forwardsMessageSendWithTheUsersOwnTokenAndAcksWithTheEnvelope() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		String token = TestTokens.access(sender);
		PollingClient socket = PollingClient.open(port()).connect(token);
		socket.await("40");

		socket.send("427[\"message:send\",{\"content\":\"Hello via socket\",\"type\":\"TEXT\",\"receiverId\":\""
				+ receiver + "\",\"groupId\":null,\"smuggled\":true}]");

		JsonNode ack = args(socket.await("437"));
		assertThat(ack.get(0).get("success").asBoolean()).isTrue();
		assertThat(ack.get(0).get("message").asString()).isEqualTo("Message sent successfully");
		MessageServiceStub.Call call = MessageServiceStub.INSTANCE.calls.stream()
			.filter(c -> c.body().contains(receiver.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.path()).isEqualTo("/api/v1/messages");
		assertThat(call.authorization()).isEqualTo("Bearer " + token);
		assertThat(json.readTree(call.body()).propertyNames()).containsExactly("content", "type", "receiverId",
				"groupId");
	}

	@Test
	void reportsARefusedSendAsErrorEventAndErrorAck() throws Exception {
		PollingClient socket = connected(UUID.randomUUID());

		socket.send("428[\"message:send\",{\"content\":\"\",\"receiverId\":\"" + UUID.randomUUID() + "\"}]");

		assertThat(socket.await("42")).isEqualTo("42[\"error\",{\"message\":\"content must not be blank\"}]");
		assertThat(socket.await("43"))
			.isEqualTo("438[{\"success\":false,\"message\":\"content must not be blank\",\"code\":\"VALIDATION_ERROR\"}]");
	}

	private int port() {
		return socketServer.port();
	}

	private PollingClient connected(UUID user) throws Exception {
		PollingClient socket = PollingClient.open(port()).connect(TestTokens.access(user));
		assertThat(socket.await("4")).startsWith("40{");
		return socket;
	}

	private static MessageCreatedEvent directMessage(UUID sender, UUID receiver, String content) {
		String conversation = sender.compareTo(receiver) < 0 ? "dm:" + sender + ":" + receiver
				: "dm:" + receiver + ":" + sender;
		return new MessageCreatedEvent(UUID.randomUUID(), conversation, 1, sender, receiver, null, null, content,
				"TEXT", "SENT", Map.of(), Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	private void publish(MessageCreatedEvent message) throws Exception {
		publish(codec.envelope(EventTypes.MESSAGE_CREATED, message.senderId(), message));
	}

	private void publish(EventEnvelope envelope) throws Exception {
		kafka.send(Topics.MESSAGES, envelope.actorId().toString(), codec.encode(envelope)).get(10, TimeUnit.SECONDS);
	}

	private JsonNode args(String packet) {
		return json.readTree(packet.substring(packet.indexOf('[')));
	}

	private static boolean awaitClosed(PollingClient socket) throws Exception {
		try {
			List<String> packets = socket.collect(Duration.ofSeconds(6));
			return packets.contains("41") || packets.contains("1");
		}
		catch (IllegalStateException closed) {
			return true;
		}
	}
}
