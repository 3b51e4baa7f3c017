package org.chatline.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

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

/**
 * Live features over Socket.IO through the gateway, on the platform {@link PlatformExtension}
 * started once for every end-to-end class: socket emits with acks, typing, live group rooms,
 * receipts and reactions, presence, and a call from start to end. Every test uses fresh users,
 * so tests never see each other's events.
 */
@ExtendWith(PlatformExtension.class)
class RealtimeE2EIT {

	private static final Duration PUSH = SocketAwait.PUSH;

	/** How long "nothing arrived" must hold, once the event that would have come with it did. */
	private static final Duration SILENCE = Duration.ofSeconds(2);

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	private final List<SocketClient> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(SocketClient::close);
	}

	@Test
	void messageEmitsAreAcknowledgedAndPushedAndRefusalsAnswerWithAnError() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		SocketClient alicePhone = open("alice-phone", alice);
		SocketClient aliceLaptop = open("alice-laptop", alice, Transport.POLLING);
		SocketClient bobSocket = open("bob", bob);
		awaitConnected(alicePhone, aliceLaptop, bobSocket);

		String content = "Socket hello " + UUID.randomUUID();
		JsonNode sent = alicePhone.emitWithAck("message:send",
				Map.of("content", content, "type", "TEXT", "receiverId", bob.id()));

		assertSuccess("message:send ack", sent);
		JsonNode stored = sent.path("data");
		String id = stored.path("id").asString();
		assertThat(id).as("ack data.id: %s", sent).isNotBlank();
		assertThat(stored.path("senderId").asString()).as("ack data.senderId").isEqualTo(alice.id());
		assertThat(stored.path("receiverId").asString()).as("ack data.receiverId").isEqualTo(bob.id());
		assertThat(stored.path("content").asString()).as("ack data.content").isEqualTo(content);
		assertThat(stored.path("status").asString()).as("ack data.status").isEqualTo("SENT");
		awaitEvent(bobSocket, "message:received", received -> {
			assertThat(received.path("id").asString()).isEqualTo(id);
			assertThat(received.path("content").asString()).isEqualTo(content);
			assertThat(received.path("senderId").asString()).isEqualTo(alice.id());
		});
		awaitEvent(aliceLaptop, "message:sent", confirmed -> assertThat(confirmed.path("id").asString()).isEqualTo(id));

		String newContent = "Edited " + UUID.randomUUID();
		JsonNode edited = alicePhone.emitWithAck("message:edit", Map.of("messageId", id, "content", newContent));

		assertSuccess("message:edit ack", edited);
		assertThat(edited.path("data").path("content").asString()).as("edit ack data.content: %s", edited)
			.isEqualTo(newContent);
		awaitEvent(bobSocket, "message:edit", edit -> {
			assertThat(edit.path("messageId").asString()).isEqualTo(id);
			assertThat(edit.path("content").asString()).isEqualTo(newContent);
		});

		// Bob may not edit Alice's message: held to the REST rules, answered on the ack and with `error`.
		JsonNode hijack = bobSocket.emitWithAck("message:edit", Map.of("messageId", id, "content", "hijacked"));

		assertRefusal("Bob's message:edit of Alice's message", hijack, "FORBIDDEN");
		awaitEvent(bobSocket, "error",
				error -> assertThat(error.path("message").asString()).isEqualTo(hijack.path("message").asString()));

		JsonNode empty = alicePhone.emitWithAck("message:send",
				Map.of("content", "", "type", "TEXT", "receiverId", bob.id()));

		assertRefusal("message:send with empty content", empty, "VALIDATION_ERROR");
		awaitEvent(alicePhone, "error",
				error -> assertThat(error.path("message").asString()).isEqualTo(empty.path("message").asString()));

		JsonNode deleted = alicePhone.emitWithAck("message:delete", Map.of("messageId", id));

		assertSuccess("message:delete ack", deleted);
		for (SocketClient socket : List.of(bobSocket, aliceLaptop)) {
			awaitEvent(socket, "message:delete",
					delete -> assertThat(delete.path("messageId").asString()).isEqualTo(id));
		}
		// The delete was pushed after the refusals: had they been pushed, they would be here by now.
		assertThat(bobSocket.events("message:edit")).as("edits pushed to Bob: %s", bobSocket).hasSize(1);
		assertThat(bobSocket.events("message:received")).as("messages pushed to Bob: %s", bobSocket).hasSize(1);
		assertThat(alicePhone.events("error")).as("errors on Alice's phone: %s", alicePhone).hasSize(1);
		assertThat(aliceLaptop.events("error")).as("errors on Alice's laptop: %s", aliceLaptop).isEmpty();
	}

	@Test
	void typingReachesTheReceiverAndIsNotEchoedToTheTypist() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		SocketClient alicePhone = open("alice-phone", alice);
		SocketClient aliceLaptop = open("alice-laptop", alice, Transport.POLLING);
		SocketClient bobSocket = open("bob", bob);
		awaitConnected(alicePhone, aliceLaptop, bobSocket);

		assertSuccess("typing:start ack", alicePhone.emitWithAck("typing:start", Map.of("receiverId", bob.id())));
		awaitEvent(bobSocket, "typing:start", typing -> {
			assertThat(typing.path("userId").asString()).isEqualTo(alice.id());
			assertThat(typing.path("receiverId").asString()).isEqualTo(bob.id());
		});
		assertSuccess("typing:stop ack", alicePhone.emitWithAck("typing:stop", Map.of("receiverId", bob.id())));
		awaitEvent(bobSocket, "typing:stop", typing -> {
			assertThat(typing.path("userId").asString()).isEqualTo(alice.id());
			assertThat(typing.path("receiverId").asString()).isEqualTo(bob.id());
		});

		assertThat(bobSocket.eventNames().stream().filter(name -> name.startsWith("typing:")))
			.as("Bob's typing events in order: %s", bobSocket)
			.containsExactly("typing:start", "typing:stop");
		await("no typing event echoed to Alice's sockets").during(SILENCE)
			.atMost(SILENCE.plusSeconds(2))
			.untilAsserted(() -> {
				for (SocketClient socket : List.of(alicePhone, aliceLaptop)) {
					assertThat(socket.eventNames()).as("%s", socket).noneMatch(name -> name.startsWith("typing:"));
				}
			});
	}

	@Test
	void groupRoomsFollowMembershipWithoutReconnecting() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		TestUser carol = this.api.registerAndLogin();
		SocketClient bobSocket = open("bob", bob);
		SocketClient carolSocket = open("carol", carol, Transport.POLLING);
		awaitConnected(bobSocket, carolSocket);

		// Bob and Carol are already connected when the group is made and they are added.
		String groupId = this.api.createGroup(alice, bob, carol);
		awaitInGroupRoom(bobSocket, groupId);
		awaitInGroupRoom(carolSocket, groupId);
		JsonNode first = this.api.sendToGroup(alice, groupId, "Welcome " + UUID.randomUUID());

		for (SocketClient socket : List.of(bobSocket, carolSocket)) {
			awaitEvent(socket, "message:received", received -> {
				assertThat(received.path("id").asString()).isEqualTo(first.path("id").asString());
				assertThat(received.path("groupId").asString()).isEqualTo(groupId);
				assertThat(received.path("senderId").asString()).isEqualTo(alice.id());
			});
		}

		this.api.removeMember(alice, groupId, bob);
		awaitNotInGroupRoom(bobSocket, groupId);
		JsonNode second = this.api.sendToGroup(alice, groupId, "After Bob left " + UUID.randomUUID());

		awaitEvent(carolSocket, "message:received",
				received -> assertThat(received.path("id").asString()).isEqualTo(second.path("id").asString()));
		await("nothing more from the group reaches Bob").during(SILENCE)
			.atMost(SILENCE.plusSeconds(2))
			.untilAsserted(() -> assertThat(bobSocket.events("message:received")).as("%s", bobSocket)
				.noneMatch(received -> received.path("id").asString().equals(second.path("id").asString())));
	}

	@Test
	void receiptsAndReactionsReachTheSender() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		SocketClient aliceSocket = open("alice", alice);
		SocketClient bobSocket = open("bob", bob);
		awaitConnected(aliceSocket, bobSocket);
		String id = this.api.sendDirect(alice, bob, "Read me " + UUID.randomUUID()).path("id").asString();
		awaitEvent(bobSocket, "message:received", received -> assertThat(received.path("id").asString()).isEqualTo(id));

		Response seen = this.api.post("/messages/" + id + "/seen", null, bob.bearer());

		assertThat(seen.status()).as("POST /messages/%s/seen: %s", id, seen).isEqualTo(200);
		assertThat(seen.body().path("data").path("status").asString()).as("seen data.status: %s", seen)
			.isEqualTo("SEEN");
		// Receipts go to the whole conversation: Bob's other devices clear their unread state too.
		for (SocketClient socket : List.of(aliceSocket, bobSocket)) {
			awaitEvent(socket, "message:status", status -> {
				assertThat(status.path("messageId").asString()).isEqualTo(id);
				assertThat(status.path("userId").asString()).isEqualTo(bob.id());
				assertThat(status.path("status").asString()).isEqualTo("SEEN");
			});
		}

		String reaction = ChatApi.json(Map.of("emoji", "👍"));
		Response reacted = this.api.post("/messages/" + id + "/react", reaction, bob.bearer());

		assertThat(reacted.status()).as("POST /messages/%s/react: %s", id, reacted).isEqualTo(200);
		awaitEvent(aliceSocket, "message:reaction", added -> {
			assertThat(added.path("messageId").asString()).isEqualTo(id);
			assertThat(added.path("userId").asString()).isEqualTo(bob.id());
			assertThat(added.path("emoji").asString()).isEqualTo("👍");
			assertThat(added.path("action").asString()).isEqualTo("added");
		});

		Response unreacted = this.api.delete("/messages/" + id + "/react", reaction, bob.bearer());

		assertThat(unreacted.status()).as("DELETE /messages/%s/react: %s", id, unreacted).isEqualTo(200);
		awaitEvent(aliceSocket, "message:reaction", removed -> {
			assertThat(removed.path("messageId").asString()).isEqualTo(id);
			assertThat(removed.path("action").asString()).isEqualTo("removed");
		});
	}

	@Test
	void presenceReachesDirectPartnersAndGroupMatesOnly() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		TestUser carol = this.api.registerAndLogin();
		TestUser dave = this.api.registerAndLogin();
		SocketClient bobSocket = open("bob (direct partner)", bob);
		SocketClient carolSocket = open("carol (group mate)", carol);
		SocketClient daveSocket = open("dave (stranger)", dave);
		awaitConnected(bobSocket, carolSocket, daveSocket);
		String groupId = this.api.createGroup(alice, carol);
		awaitInGroupRoom(carolSocket, groupId);
		String dm = this.api.sendDirect(alice, bob, "Hi Bob " + UUID.randomUUID()).path("id").asString();
		// realtime learns direct partners from the same event that pushes the message.
		awaitEvent(bobSocket, "message:received", received -> assertThat(received.path("id").asString()).isEqualTo(dm));

		SocketClient aliceSocket = open("alice", alice);

		awaitConnected(aliceSocket);
		for (SocketClient socket : List.of(bobSocket, carolSocket)) {
			awaitEvent(socket, "user:online", online -> assertThat(online.path("userId").asString()).isEqualTo(alice.id()));
		}
		awaitPresence(alice, bob, true);

		aliceSocket.close();

		for (SocketClient socket : List.of(bobSocket, carolSocket)) {
			awaitEvent(socket, "user:offline",
					offline -> assertThat(offline.path("userId").asString()).isEqualTo(alice.id()));
			assertThat(socket.eventNames().stream().filter(name -> name.startsWith("user:")))
				.as("presence events in order: %s", socket)
				.containsExactly("user:online", "user:offline");
		}
		JsonNode presence = awaitPresence(alice, bob, false);
		assertThat(presence.path("lastSeen").asString()).as("lastSeen: %s", presence).isNotBlank();
		assertThat(daveSocket.eventNames()).as("a stranger sees no presence: %s", daveSocket)
			.noneMatch(name -> name.startsWith("user:"));
		assertThat(aliceSocket.eventNames()).as("nobody is told about themselves: %s", aliceSocket)
			.noneMatch(name -> name.startsWith("user:"));
	}

	@Test
	void callFromRingingToEndedOverSockets() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		TestUser carol = this.api.registerAndLogin();
		SocketClient aliceSocket = open("alice (caller)", alice);
		SocketClient bobSocket = open("bob (answers)", bob);
		SocketClient carolSocket = open("carol (rejects)", carol, Transport.POLLING);
		awaitConnected(aliceSocket, bobSocket, carolSocket);

		JsonNode initiated = aliceSocket.emitWithAck("call:initiate",
				Map.of("type", "VIDEO", "participantIds", List.of(bob.id(), carol.id())));

		assertSuccess("call:initiate ack", initiated);
		String callId = initiated.path("data").path("call").path("id").asString();
		assertThat(callId).as("call:initiate ack data.call.id: %s", initiated).isNotBlank();
		awaitEvent(aliceSocket, "call:initiate", call -> {
			assertThat(call.path("call").path("id").asString()).isEqualTo(callId);
			assertThat(call.path("call").path("status").asString()).isEqualTo("RINGING");
			assertThat(call.path("roomUrl").asString()).isNotBlank();
			assertThat(call.path("token").asString()).isNotBlank();
		});
		for (SocketClient socket : List.of(bobSocket, carolSocket)) {
			awaitEvent(socket, "call:ringing", ringing -> {
				assertThat(ringing.path("call").path("id").asString()).isEqualTo(callId);
				assertThat(ringing.path("call").path("type").asString()).isEqualTo("VIDEO");
				assertThat(ringing.path("call").path("status").asString()).isEqualTo("RINGING");
				assertThat(ringing.path("initiatorId").asString()).isEqualTo(alice.id());
			});
		}

		assertSuccess("call:answer ack", bobSocket.emitWithAck("call:answer", Map.of("callId", callId)));
		awaitEvent(bobSocket, "call:answer", answer -> {
			assertThat(answer.path("call").path("id").asString()).isEqualTo(callId);
			assertThat(answer.path("call").path("status").asString()).isEqualTo("ONGOING");
			assertThat(answer.path("roomUrl").asString()).isNotBlank();
			assertThat(answer.path("token").asString()).isNotBlank();
		});
		for (SocketClient socket : List.of(aliceSocket, carolSocket)) {
			awaitEvent(socket, "call:participant:join", join -> {
				assertThat(join.path("callId").asString()).isEqualTo(callId);
				assertThat(join.path("userId").asString()).isEqualTo(bob.id());
			});
		}

		// Only the initiator ends a call; the socket path is held to call-service's rules.
		assertRefusal("call:end by an invitee", bobSocket.emitWithAck("call:end", Map.of("callId", callId)), "FORBIDDEN");
		awaitEvent(bobSocket, "error", error -> assertThat(error.path("message").asString()).isNotBlank());

		JsonNode rejected = carolSocket.emitWithAck("call:reject", Map.of("callId", callId));
		assertSuccess("call:reject ack", rejected);
		assertThat(rejected.path("data").path("status").asString()).as("status after Carol's reject: %s", rejected)
			.isEqualTo("ONGOING");
		awaitEvent(aliceSocket, "call:reject", reject -> {
			assertThat(reject.path("callId").asString()).isEqualTo(callId);
			assertThat(reject.path("userId").asString()).isEqualTo(carol.id());
		});

		JsonNode ended = aliceSocket.emitWithAck("call:end", Map.of("callId", callId));
		assertSuccess("call:end ack", ended);
		assertThat(ended.path("data").path("status").asString()).as("call:end ack: %s", ended).isEqualTo("ENDED");
		for (SocketClient socket : List.of(aliceSocket, bobSocket, carolSocket)) {
			awaitEvent(socket, "call:end", end -> {
				assertThat(end.path("callId").asString()).isEqualTo(callId);
				assertThat(end.path("status").asString()).isEqualTo("ENDED");
			});
		}

		assertThat(callEvents(aliceSocket)).as("what Alice saw: %s", aliceSocket)
			.containsExactly("call:initiate", "call:participant:join", "call:reject", "call:end");
		assertThat(callEvents(bobSocket)).as("what Bob saw: %s", bobSocket)
			.containsExactly("call:ringing", "call:answer", "call:end");
		assertThat(callEvents(carolSocket)).as("what Carol saw: %s", carolSocket)
			.containsExactly("call:ringing", "call:participant:join", "call:end");

		Response call = this.api.get("/calls/" + callId, alice.bearer());
		assertThat(call.status()).as("GET /calls/%s: %s", callId, call).isEqualTo(200);
		JsonNode data = call.body().path("data");
		assertThat(data.path("status").asString()).as("status: %s", call).isEqualTo("ENDED");
		assertThat(data.path("initiatorId").asString()).as("initiatorId: %s", call).isEqualTo(alice.id());
		assertThat(data.path("endedAt").asString()).as("endedAt: %s", call).isNotBlank();
		assertThat(participant(data, alice).path("joinedAt").asString()).as("Alice joinedAt: %s", call).isNotBlank();
		assertThat(participant(data, bob).path("joinedAt").asString()).as("Bob joinedAt: %s", call).isNotBlank();
		JsonNode carolJoinedAt = participant(data, carol).path("joinedAt");
		assertThat(carolJoinedAt.isNull() || carolJoinedAt.isMissingNode()).as("Carol never joined: %s", call).isTrue();
		assertThat(participant(data, carol).path("rejectedAt").asString()).as("Carol rejectedAt: %s", call)
			.isNotBlank();
	}

	private SocketClient open(String label, TestUser user) {
		return open(label, user, Transport.WEBSOCKET);
	}

	private SocketClient open(String label, TestUser user, Transport transport) {
		SocketClient socket = SocketClient.connect(label, ChatApi.GATEWAY, Auth.AUTH_PAYLOAD, transport, user.accessToken());
		this.sockets.add(socket);
		return socket;
	}

	private static void awaitConnected(SocketClient... sockets) {
		SocketAwait.connected(sockets);
	}

	private static void awaitEvent(SocketClient socket, String event, Consumer<JsonNode> requirements) {
		SocketAwait.event(socket, event, requirements);
	}

	/**
	 * Group rooms change when realtime consumes the membership event, asynchronously from the
	 * REST answer, and a message sent at once may overtake it (another topic). The socket's own
	 * view is observable: group typing is accepted only from a socket in the group's room.
	 */
	private static void awaitInGroupRoom(SocketClient socket, String groupId) {
		await(socket.label() + " in the room of group " + groupId).atMost(PUSH)
			.untilAsserted(() -> assertThat(groupTypingProbe(socket, groupId)).as("typing:stop ack").isTrue());
	}

	private static void awaitNotInGroupRoom(SocketClient socket, String groupId) {
		await(socket.label() + " out of the room of group " + groupId).atMost(PUSH)
			.untilAsserted(() -> assertThat(groupTypingProbe(socket, groupId)).as("typing:stop ack").isFalse());
	}

	private static boolean groupTypingProbe(SocketClient socket, String groupId) {
		return socket.emitWithAck("typing:stop", Map.of("groupId", groupId)).path("success").asBoolean();
	}

	private JsonNode awaitPresence(TestUser user, TestUser asker, boolean online) {
		return SocketAwait.presence(this.api, user, asker, online, PUSH);
	}

	private static List<String> callEvents(SocketClient socket) {
		return socket.eventNames().stream().filter(name -> name.startsWith("call:")).toList();
	}

	private static JsonNode participant(JsonNode call, TestUser user) {
		for (JsonNode participant : call.path("participants")) {
			if (participant.path("userId").asString().equals(user.id())) {
				return participant;
			}
		}
		throw new AssertionError("No participant " + user.id() + " in " + call);
	}

	private static void assertSuccess(String what, JsonNode envelope) {
		assertThat(envelope.path("success").asBoolean()).as("%s: %s", what, envelope).isTrue();
	}

	private static void assertRefusal(String what, JsonNode envelope, String code) {
		assertThat(envelope.path("success").isBoolean()).as("%s envelope: %s", what, envelope).isTrue();
		assertThat(envelope.path("success").asBoolean()).as("%s: %s", what, envelope).isFalse();
		assertThat(envelope.path("code").asString()).as("%s code: %s", what, envelope).isEqualTo(code);
		assertThat(envelope.path("message").asString()).as("%s message: %s", what, envelope).isNotBlank();
	}

}
