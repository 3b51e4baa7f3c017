package org.chatline.realtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.security.RevokedSessions;
import org.chatline.common.test.TestTokens;
import org.chatline.group.api.GroupEvent.MemberAdded;
import org.chatline.group.api.GroupEvent.MemberRemoved;
import org.chatline.message.api.MessageEvent;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.message.api.MessageEvent.MessageDeleted;
import org.chatline.message.api.MessageEvent.MessageEdited;
import org.chatline.message.api.MessageEvent.MessageSeen;
import org.chatline.message.api.MessageEvent.ReactionAdded;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.realtime.socket.SocketServerLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
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

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	SocketIOServer sessions;

	@Autowired
	MeterRegistry meters;

	private final AtomicInteger ackIds = new AtomicInteger(100);

	@BeforeEach
	void consumerIsLive() throws Exception {
		if (consumerPositioned) {
			return;
		}
		// The consumer starts at the latest offset, so an event published before it has fetched
		// its position would be skipped: wait until a probe event makes it through.
		// One partition per topic in tests: messages, groups, calls, presence, signals.
		ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(EVENTS_LISTENER), 5);
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
	void refusesATokenOfASessionThatAuthServiceRevoked() throws Exception {
		UUID session = UUID.randomUUID();
		String token = TestTokens.access(UUID.randomUUID(), "logged_out", Instant.now().plusSeconds(600), session);
		redis.opsForValue().set(RevokedSessions.key(session), "1", java.time.Duration.ofMinutes(1));

		PollingClient socket = PollingClient.open(port()).connect(token);

		assertThat(socket.await("4")).isEqualTo("44{\"message\":\"Session has been revoked\"}");
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
	void acceptsAWebsocketWithoutCompressionEvenWhenTheClientOffersIt() throws Exception {
		// Each deflating connection would hold zlib state in native memory (about 100 KiB apiece).
		try (Socket raw = new Socket("127.0.0.1", port())) {
			raw.setSoTimeout(5000);
			String upgrade = String.join("\r\n", "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1",
					"Host: 127.0.0.1", "Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13",
					"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
					"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits", "", "");
			raw.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII));
			List<String> head = new ArrayList<>();
			for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
				head.add(line.toLowerCase(Locale.ROOT));
			}

			assertThat(head).isNotEmpty();
			assertThat(head.get(0)).startsWith("http/1.1 101");
			assertThat(head).noneMatch(line -> line.startsWith("sec-websocket-extensions"));
		}
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
		MessageCreated message = directMessage(sender, receiver, "Hello!");

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
		Event<MessageCreated> first = codec.event(sender, directMessage(sender, receiver, "one"));
		Event<MessageCreated> second = codec.event(sender, directMessage(sender, receiver, "two"));

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

	@Test
	void joinsTheUsersGroupRoomsOnConnectAndAnnouncesThemThere() throws Exception {
		UUID group = UUID.randomUUID();
		UUID watcher = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		GroupServiceStub.INSTANCE.member(watcher, group);
		GroupServiceStub.INSTANCE.member(user, group);
		PollingClient watcherSocket = connected(watcher);
		awaitRoomsReady(watcherSocket, group);

		PollingClient userSocket = connected(user);

		// Rooms are joined before presence counts the socket, so this also proves the user is in G.
		assertThat(watcherSocket.await(packet -> packet.startsWith("42[\"user:online\"")
				&& packet.contains(user.toString()), Duration.ofSeconds(10)))
			.isEqualTo("42[\"user:online\",{\"userId\":\"" + user + "\"}]");
		publish(groupMessage(UUID.randomUUID(), group, "to the group"));
		assertThat(userSocket.await("42[\"message:received\"")).contains("to the group");
	}

	@Test
	void movesLiveSocketsInAndOutOfGroupRoomsOnMembershipEvents() throws Exception {
		UUID group = UUID.randomUUID();
		UUID member = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		GroupServiceStub.INSTANCE.member(member, group);
		PollingClient memberSocket = connected(member);
		awaitRoomsReady(memberSocket, group);
		PollingClient userSocket = connected(user);

		publish(new MemberAdded(group, user, "MEMBER"));

		await().atMost(10, TimeUnit.SECONDS).until(() -> typingAck(userSocket, group).contains("\"success\":true"));
		// Group typing travels through chat.signals.v1 and reaches the other member, not the typist.
		assertThat(memberSocket.await("42[\"typing:stop\""))
			.isEqualTo("42[\"typing:stop\",{\"userId\":\"" + user + "\",\"groupId\":\"" + group + "\"}]");
		publish(groupMessage(member, group, "while a member"));
		assertThat(userSocket.await("42[\"message:received\"")).contains("while a member");

		publish(new MemberRemoved(group, user));

		await().atMost(10, TimeUnit.SECONDS).until(() -> typingAck(userSocket, group).contains("FORBIDDEN"));
		publish(groupMessage(member, group, "after removal"));
		assertThat(memberSocket.await(packet -> packet.contains("after removal"), Duration.ofSeconds(10))).isNotNull();
		assertThat(userSocket.collect(Duration.ofMillis(1500))).noneMatch(packet -> packet.contains("after removal"));
	}

	@Test
	void goesOfflineAfterTheGraceOnlyWhenTheLastSocketClosesAndPublishesEachTransitionOnce() throws Exception {
		UUID group = UUID.randomUUID();
		UUID watcher = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		GroupServiceStub.INSTANCE.member(watcher, group);
		GroupServiceStub.INSTANCE.member(user, group);
		PollingClient watcherSocket = connected(watcher);
		awaitRoomsReady(watcherSocket, group);
		PollingClient phone = connected(user);
		watcherSocket.await(packet -> packet.contains("user:online") && packet.contains(user.toString()),
				Duration.ofSeconds(10));
		PollingClient laptop = connected(user);

		phone.close();

		// Grace is 1 s in tests: well past it, the user is still online on the laptop.
		assertThat(watcherSocket.collect(Duration.ofMillis(2500)))
			.noneMatch(packet -> packet.contains("user:offline") && packet.contains(user.toString()));

		laptop.close();

		assertThat(watcherSocket.await(packet -> packet.startsWith("42[\"user:offline\"")
				&& packet.contains(user.toString()), Duration.ofSeconds(10)))
			.isEqualTo("42[\"user:offline\",{\"userId\":\"" + user + "\"}]");
		List<Event<?>> published = presenceEventsOf(user, 2);
		assertThat(published).extracting(Event::type).containsExactly("UserOnline", "UserOffline");
		assertThat(((PresenceEvent) published.get(1).payload()).online()).isFalse();
	}

	@Test
	void countsConnectedSocketsForPrometheus() throws Exception {
		// Sockets that earlier tests left open go only at the ping timeout, and a server-side
		// disconnect() waits for the client's next poll: end those sessions outright, as the
		// service's drain does, so only this test's sockets move the gauge.
		sessions.getAllClients().forEach(client -> ((NamespaceClient) client).getBaseClient().onChannelDisconnect());
		await().atMost(10, TimeUnit.SECONDS).until(() -> connectedSockets() == 0);
		UUID user = UUID.randomUUID();

		PollingClient phone = connected(user);
		await().atMost(10, TimeUnit.SECONDS).until(() -> connectedSockets() == 1);
		PollingClient laptop = connected(user);
		await().atMost(10, TimeUnit.SECONDS).until(() -> connectedSockets() == 2);

		phone.close();
		await().atMost(10, TimeUnit.SECONDS).until(() -> connectedSockets() == 1);
		laptop.close();
		await().atMost(10, TimeUnit.SECONDS).until(() -> connectedSockets() == 0);
	}

	@Test
	void tellsDirectMessagePartnersAboutPresence() throws Exception {
		UUID partner = UUID.randomUUID();
		UUID user = UUID.randomUUID();
		PollingClient partnerSocket = connected(partner);
		publish(directMessage(user, partner, "hi partner"));
		partnerSocket.await("42[\"message:received\"");

		connected(user);

		assertThat(partnerSocket.await(packet -> packet.startsWith("42[\"user:online\""), Duration.ofSeconds(10)))
			.isEqualTo("42[\"user:online\",{\"userId\":\"" + user + "\"}]");
	}

	@Test
	void pushesEditsAndDeletesToBothParticipantsOfADirectConversation() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		PollingClient senderSocket = connected(sender);
		PollingClient receiverSocket = connected(receiver);
		UUID messageId = UUID.randomUUID();
		Instant at = Instant.parse("2025-01-01T00:00:05Z");

		publish(new MessageEdited(messageId, "dm", sender, receiver, null, sender, "changed", "SENT", at));
		publish(new MessageDeleted(messageId, "dm", sender, receiver, null, sender, "SENT", at));

		String edit = "42[\"message:edit\",{\"id\":\"" + messageId + "\",\"messageId\":\"" + messageId
				+ "\",\"senderId\":\"" + sender + "\",\"receiverId\":\"" + receiver
				+ "\",\"groupId\":null,\"content\":\"changed\",\"edited\":true,\"updatedAt\":\"2025-01-01T00:00:05Z\"}]";
		String delete = "42[\"message:delete\",{\"messageId\":\"" + messageId + "\"}]";
		for (PollingClient socket : List.of(senderSocket, receiverSocket)) {
			assertThat(socket.await("42[\"message:edit\"")).isEqualTo(edit);
			assertThat(socket.await("42[\"message:delete\"")).isEqualTo(delete);
		}
	}

	@Test
	void pushesReceiptsAndReactionsToTheConversation() throws Exception {
		UUID group = UUID.randomUUID();
		UUID sender = UUID.randomUUID();
		UUID reader = UUID.randomUUID();
		GroupServiceStub.INSTANCE.member(sender, group);
		PollingClient senderSocket = connected(sender);
		awaitRoomsReady(senderSocket, group);
		UUID messageId = UUID.randomUUID();

		publish(new MessageSeen(messageId, "group:" + group, sender, null, group, reader, "DELIVERED", Instant.now()));
		publish(new ReactionAdded(messageId, "group:" + group, sender, null, group, reader, "SEEN", "🎉",
				Instant.now()));

		assertThat(senderSocket.await("42[\"message:status\"")).isEqualTo("42[\"message:status\",{\"messageId\":\""
				+ messageId + "\",\"userId\":\"" + reader + "\",\"status\":\"SEEN\"}]");
		// Compared parsed: the polling transport may escape non-ASCII characters (still the same JSON).
		JsonNode reaction = args(senderSocket.await("42[\"message:reaction\""));
		assertThat(reaction.get(1).propertyNames()).containsExactly("messageId", "userId", "emoji", "action");
		assertThat(reaction.get(1).get("emoji").asString()).isEqualTo("🎉");
		assertThat(reaction.get(1).get("action").asString()).isEqualTo("added");
		assertThat(reaction.get(1).get("userId").asString()).isEqualTo(reader.toString());
	}

	@Test
	void fansOutCallTransitionsToTheRightParticipants() throws Exception {
		UUID initiator = UUID.randomUUID();
		UUID answerer = UUID.randomUUID();
		UUID rejecter = UUID.randomUUID();
		PollingClient initiatorSocket = connected(initiator);
		PollingClient answererSocket = connected(answerer);
		PollingClient rejecterSocket = connected(rejecter);
		UUID callId = UUID.randomUUID();
		List<UUID> everyone = List.of(initiator, answerer, rejecter);
		Instant created = Instant.parse("2025-01-01T00:00:00Z");

		publish(new CallInitiated(callId, "VIDEO", "RINGING", initiator, null, "room-1", everyone, initiator, created));
		publish(new CallParticipantJoined(callId, "VIDEO", "ONGOING", initiator, null, "room-1", everyone, answerer,
				created));
		publish(new CallRejected(callId, "VIDEO", "ONGOING", initiator, null, "room-1", everyone, rejecter, created,
				null));
		publish(new CallEnded(callId, "VIDEO", "ENDED", initiator, null, "room-1", everyone, initiator, created,
				Instant.now()));

		String ringing = "42[\"call:ringing\",{\"call\":{\"id\":\"" + callId + "\",\"initiatorId\":\"" + initiator
				+ "\",\"type\":\"VIDEO\",\"status\":\"RINGING\",\"roomId\":\"room-1\",\"createdAt\":\"2025-01-01T00:00:00Z\"},\"initiatorId\":\""
				+ initiator + "\"}]";
		assertThat(answererSocket.await("42[\"call:ringing\"")).isEqualTo(ringing);
		assertThat(rejecterSocket.await("42[\"call:ringing\"")).isEqualTo(ringing);
		// The initiator's first call event is the join: it is never rung itself.
		assertThat(initiatorSocket.await(packet -> packet.startsWith("42[\"call:"), Duration.ofSeconds(10)))
			.isEqualTo("42[\"call:participant:join\",{\"callId\":\"" + callId + "\",\"userId\":\"" + answerer + "\"}]");
		assertThat(rejecterSocket.await("42[\"call:participant:join\"")).contains(answerer.toString());
		assertThat(initiatorSocket.await("42[\"call:reject\"")).isEqualTo(
				"42[\"call:reject\",{\"callId\":\"" + callId + "\",\"userId\":\"" + rejecter + "\"}]");
		String end = "42[\"call:end\",{\"callId\":\"" + callId + "\",\"status\":\"ENDED\"}]";
		for (PollingClient socket : List.of(initiatorSocket, answererSocket, rejecterSocket)) {
			assertThat(socket.await("42[\"call:end\"")).isEqualTo(end);
		}
	}

	@Test
	void forwardsCallInitiateAndAnswerWithTheUsersTokenAndRepliesWithTheRoom() throws Exception {
		UUID caller = UUID.randomUUID();
		UUID callee = UUID.randomUUID();
		String token = TestTokens.access(caller);
		PollingClient socket = PollingClient.open(port()).connect(token);
		socket.await("40");

		socket.send("4211[\"call:initiate\",{\"type\":\"VIDEO\",\"participantIds\":[\"" + callee
				+ "\"],\"groupId\":null,\"initiatorId\":\"spoofed\"}]");

		JsonNode event = args(socket.await("42[\"call:initiate\""));
		assertThat(event.get(1).propertyNames()).containsExactly("call", "roomUrl", "token");
		assertThat(event.get(1).get("token").asString()).isEqualTo("jitsi-token");
		JsonNode ack = args(socket.await("4311"));
		assertThat(ack.get(0).get("success").asBoolean()).isTrue();
		assertThat(ack.get(0).get("data").get("roomUrl").asString()).startsWith("https://meet.example/");
		CallServiceStub.Call initiate = CallServiceStub.INSTANCE.calls.stream()
			.filter(call -> call.body().contains(callee.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(initiate.path()).isEqualTo("/api/v1/calls");
		assertThat(initiate.authorization()).isEqualTo("Bearer " + token);
		assertThat(json.readTree(initiate.body()).propertyNames()).containsExactly("type", "participantIds", "groupId");

		UUID callId = UUID.randomUUID();
		socket.send("4212[\"call:answer\",{\"callId\":\"" + callId + "\"}]");

		assertThat(args(socket.await("42[\"call:answer\"")).get(1).get("call").get("id").asString())
			.isEqualTo(callId.toString());
		assertThat(socket.await("4312")).contains("\"success\":true");
		assertThat(CallServiceStub.INSTANCE.calls).anyMatch(
				call -> call.path().equals("/api/v1/calls/" + callId + "/join") && ("Bearer " + token).equals(call.authorization()));
	}

	/**
	 * A socket joins its group rooms shortly after CONNECT (group-service is asked off the event
	 * loop); a group typing signal is refused until then, so its ack tells when the rooms are in.
	 */
	private void awaitRoomsReady(PollingClient socket, UUID group) {
		await().atMost(10, TimeUnit.SECONDS).until(() -> typingAck(socket, group).contains("\"success\":true"));
	}

	private String typingAck(PollingClient socket, UUID group) throws Exception {
		int id = ackIds.incrementAndGet();
		socket.send("42" + id + "[\"typing:stop\",{\"groupId\":\"" + group + "\"}]");
		return socket.await("43" + id + "[");
	}

	private List<Event<?>> presenceEventsOf(UUID user, int expected) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "presence-it-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<Event<?>> events = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
			consumer.subscribe(List.of(PresenceEvent.TOPIC));
			await().atMost(15, TimeUnit.SECONDS).pollInSameThread().until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (user.toString().equals(record.key())) {
						events.add(codec.decode(record.value(), List.of(PresenceEvent.class)).orElseThrow());
					}
				}
				return events.size() >= expected;
			});
			// Nothing more for this user: each transition was published by one decision only.
			consumer.poll(Duration.ofMillis(500)).forEach(record -> {
				if (user.toString().equals(record.key())) {
					events.add(codec.decode(record.value(), List.of(PresenceEvent.class)).orElseThrow());
				}
			});
		}
		return events;
	}

	private static MessageCreated groupMessage(UUID sender, UUID group, String content) {
		return new MessageCreated(UUID.randomUUID(), "group:" + group, 1, sender, null, group, null, content,
				"TEXT", "SENT", Map.of(), Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	private void publish(Object payload) throws Exception {
		kafka.send(EventCodec.topic(payload.getClass()), UUID.randomUUID().toString(),
				codec.encode(codec.event(null, payload))).get(10, TimeUnit.SECONDS);
	}

	private double connectedSockets() {
		return meters.get("chat.sockets.connected").gauge().value();
	}

	private int port() {
		return socketServer.port();
	}

	private PollingClient connected(UUID user) throws Exception {
		PollingClient socket = PollingClient.open(port()).connect(TestTokens.access(user));
		// The CONNECT answer (or its refusal). A push to the user's rooms, joined just before the
		// answer is written, may overtake it on the wire (the JS client buffers those until connected).
		String answer = socket.await(packet -> packet.startsWith("40") || packet.startsWith("44"), Duration.ofSeconds(10));
		assertThat(answer).startsWith("40{");
		return socket;
	}

	private static MessageCreated directMessage(UUID sender, UUID receiver, String content) {
		String conversation = sender.compareTo(receiver) < 0 ? "dm:" + sender + ":" + receiver
				: "dm:" + receiver + ":" + sender;
		return new MessageCreated(UUID.randomUUID(), conversation, 1, sender, receiver, null, null, content,
				"TEXT", "SENT", Map.of(), Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	private void publish(MessageCreated message) throws Exception {
		publish(codec.event(message.senderId(), message));
	}

	private void publish(Event<MessageCreated> event) throws Exception {
		kafka.send(MessageEvent.TOPIC, event.actorId().toString(), codec.encode(event)).get(10, TimeUnit.SECONDS);
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
