package org.chatline.call.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.call.api.CallEvent.CallEnded;
import org.chatline.call.api.CallEvent.CallInitiated;
import org.chatline.call.api.CallEvent.CallMissed;
import org.chatline.call.api.CallEvent.CallParticipantJoined;
import org.chatline.call.api.CallEvent.CallParticipantLeft;
import org.chatline.call.api.CallEvent.CallRejected;
import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.chatline.user.api.UserEvent.UserRegistered;
import org.chatline.user.api.UserEvent.UserUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every transition of the state machine over HTTP, and the event each one publishes. */
@ServiceIT
@Import(CallTestConfiguration.class)
class CallLifecycleIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EventCodec codec;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MeterRegistry meters;

	CallApi api;

	CallEventLog events;

	@BeforeEach
	void setUp() {
		api = new CallApi(port, json);
		events = CallEventLog.of(broker, codec);
	}

	@Test
	void initiatesACallWithTheContractFieldsAndPublishesCallInitiated() {
		UUID initiator = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);

		CallApi.Reply reply = api.initiate(initiator, CallFixtures.call("VIDEO", b, c));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.body().get("success").asBoolean()).isTrue();
		assertThat(reply.message()).isEqualTo("Call initiated successfully");
		JsonNode call = reply.data().get("call");
		UUID id = UUID.fromString(call.get("id").asString());
		assertThat(call.get("initiatorId").asString()).isEqualTo(initiator.toString());
		assertThat(call.get("type").asString()).isEqualTo("VIDEO");
		assertThat(call.get("status").asString()).isEqualTo("RINGING");
		assertThat(call.get("createdAt").asString()).endsWith("Z");
		assertThat(call.get("endedAt").isNull()).isTrue();
		assertThat(call.get("groupId").isNull()).isTrue();
		String room = call.get("roomId").asString();
		assertThat(room).matches("[0-9a-f]{32}");
		assertThat(reply.data().get("roomUrl").asString()).isEqualTo("https://jitsi.test.example/" + room);
		assertThat(reply.data().get("token").asString()).isNotBlank();
		JsonNode participants = call.get("participants");
		assertThat(participants).hasSize(3);
		assertThat(participants.get(0).get("userId").asString()).isEqualTo(initiator.toString());
		assertThat(participants.get(0).get("joinedAt").asString()).isEqualTo(call.get("createdAt").asString());
		assertThat(participants.get(1).get("userId").asString()).isEqualTo(b.toString());
		assertThat(participants.get(1).get("joinedAt").isNull()).isTrue();
		assertThat(participants.get(1).get("leftAt").isNull()).isTrue();
		assertThat(participants.get(2).get("userId").asString()).isEqualTo(c.toString());

		CallEventLog.Received initiated = events.await(id, CallInitiated.class).get(0);
		assertThat(initiated.key()).isEqualTo(id.toString());
		assertThat(initiated.envelope().actorId()).isEqualTo(initiator);
		assertThat(initiated.envelope().eventId()).isNotNull();
		assertThat(initiated.envelope().occurredAt()).isNotNull();
		assertThat(initiated.event().status()).isEqualTo("RINGING");
		assertThat(initiated.event().type()).isEqualTo("VIDEO");
		assertThat(initiated.event().initiatorId()).isEqualTo(initiator);
		assertThat(initiated.event().roomId()).isEqualTo(room);
		assertThat(initiated.event().participantIds()).containsExactly(initiator, b, c);
		assertThat(initiated.userId()).isEqualTo(initiator);
		assertThat(initiated.event().createdAt()).isEqualTo(Instant.parse(call.get("createdAt").asString()));
		assertThat(initiated.endedAt()).isNull();
		assertThat(initiated.json().has("groupId")).isTrue();
	}

	@Test
	void firstAnswerMakesTheCallOngoingAndTheLastOneLeavingEndsIt() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b, c);

		CallApi.Reply joined = api.join(id, b);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.message()).isEqualTo("Joined call successfully");
		assertThat(joined.data().get("call").get("status").asString()).isEqualTo("ONGOING");
		assertThat(joined.data().get("roomUrl").asString())
			.isEqualTo("https://jitsi.test.example/" + joined.data().get("call").get("roomId").asString());
		assertThat(joined.data().get("token").asString()).isNotBlank();
		assertThat(api.join(id, c).data().get("call").get("status").asString()).isEqualTo("ONGOING");

		CallApi.Reply left = api.leave(id, b);
		assertThat(left.status()).isEqualTo(200);
		assertThat(left.message()).isEqualTo("Left call successfully");
		assertThat(left.body().has("data")).isTrue();
		assertThat(left.data().isNull()).isTrue();
		assertThat(api.leave(id, a).status()).isEqualTo(200);
		assertThat(status(id, c)).isEqualTo("ONGOING");
		assertThat(api.leave(id, c).status()).isEqualTo(200);

		JsonNode call = api.get(id, a).data();
		assertThat(call.get("status").asString()).isEqualTo("ENDED");
		assertThat(call.get("endedAt").asString()).endsWith("Z");
		for (JsonNode p : call.get("participants")) {
			assertThat(p.get("joinedAt").isNull()).isFalse();
			assertThat(p.get("leftAt").isNull()).isFalse();
		}
		List<CallEventLog.Received> published = events.await(id, CallInitiated.class,
				CallParticipantJoined.class, CallParticipantJoined.class, CallParticipantLeft.class,
				CallParticipantLeft.class, CallParticipantLeft.class, CallEnded.class);
		assertThat(published.get(1).userId()).isEqualTo(b);
		assertThat(published.get(1).event().status()).isEqualTo("ONGOING");
		assertThat(published.get(2).userId()).isEqualTo(c);
		assertThat(published.get(3).userId()).isEqualTo(b);
		assertThat(published.get(3).event().status()).isEqualTo("ONGOING");
		assertThat(published.get(5).userId()).isEqualTo(c);
		assertThat(published.get(5).event().status()).isEqualTo("ENDED");
		assertThat(published.get(6).userId()).isEqualTo(c);
		assertThat(published.get(6).endedAt()).isEqualTo(Instant.parse(call.get("endedAt").asString()));
		assertThat(published).allSatisfy(r -> assertThat(r.event().participantIds()).containsExactly(a, b, c));
	}

	@Test
	void initiatorEndsAnOngoingCall() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);
		api.join(id, b);

		CallApi.Reply ended = api.end(id, a);

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.message()).isEqualTo("Call ended successfully");
		assertThat(ended.data().get("id").asString()).isEqualTo(id.toString());
		assertThat(ended.data().get("status").asString()).isEqualTo("ENDED");
		assertThat(ended.data().get("endedAt").asString()).endsWith("Z");
		JsonNode call = api.get(id, b).data();
		assertThat(call.get("endedAt").asString()).isEqualTo(ended.data().get("endedAt").asString());
		assertThat(call.get("participants")).allSatisfy(p -> assertThat(p.get("leftAt").asString())
			.isEqualTo(ended.data().get("endedAt").asString()));
		CallEventLog.Received end = events.await(id, CallInitiated.class, CallParticipantJoined.class, CallEnded.class)
			.get(2);
		assertThat(end.userId()).isEqualTo(a);
		assertThat(end.event().status()).isEqualTo("ENDED");
		assertThat(end.envelope().actorId()).isEqualTo(a);
	}

	@Test
	void countsRingingAndOngoingCallsAsActiveForPrometheus() {
		// Earlier tests leave calls ringing until the short test ring timeout makes them missed: let
		// that happen first, so only this test's call moves the gauge (ongoing ones stay put).
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from call where status = 'RINGING'").query(Long.class).single() == 0);
		double before = activeCalls();
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);

		UUID id = api.start(a, b);
		assertThat(activeCalls()).isEqualTo(before + 1);
		api.join(id, b);
		assertThat(activeCalls()).isEqualTo(before + 1);
		assertThat(api.end(id, a).status()).isEqualTo(200);
		assertThat(activeCalls()).isEqualTo(before);
	}

	@Test
	void initiatorCancelsARingingCall() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);

		assertThat(api.end(id, a).data().get("status").asString()).isEqualTo("ENDED");

		events.await(id, CallInitiated.class, CallEnded.class);
		CallApi.Reply late = api.join(id, b);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.message()).isEqualTo("Call has already ended");
	}

	@Test
	void callIsRejectedOnceEveryInviteeRejected() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b, c);

		CallApi.Reply first = api.reject(id, b);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.message()).isEqualTo("Call rejected");
		assertThat(first.data().get("id").asString()).isEqualTo(id.toString());
		assertThat(first.data().get("status").asString()).isEqualTo("RINGING");
		CallApi.Reply last = api.reject(id, c);
		assertThat(last.data().get("status").asString()).isEqualTo("REJECTED");

		JsonNode call = api.get(id, b).data();
		assertThat(call.get("status").asString()).isEqualTo("REJECTED");
		assertThat(call.get("endedAt").isNull()).isFalse();
		assertThat(call.get("participants").get(0).get("leftAt").isNull()).isFalse();
		assertThat(call.get("participants").get(1).get("rejectedAt").isNull()).isFalse();
		assertThat(call.get("participants").get(2).get("rejectedAt").isNull()).isFalse();
		List<CallEventLog.Received> published = events.await(id, CallInitiated.class, CallRejected.class,
				CallRejected.class);
		assertThat(published.get(1).userId()).isEqualTo(b);
		assertThat(published.get(1).event().status()).isEqualTo("RINGING");
		assertThat(published.get(2).userId()).isEqualTo(c);
		assertThat(published.get(2).event().status()).isEqualTo("REJECTED");
		assertThat(published.get(2).endedAt()).isNotNull();
	}

	@Test
	void oneToOneCallIsRejectedByItsInvitee() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);

		CallApi.Reply rejected = api.reject(id, b);

		assertThat(rejected.data().get("status").asString()).isEqualTo("REJECTED");
		events.await(id, CallInitiated.class, CallRejected.class);
		// The initiator is free again at once.
		assertThat(api.initiate(a, CallFixtures.call("AUDIO", b)).status()).isEqualTo(201);
	}

	@Test
	void inviteeMayDeclineAGroupCallOthersAnswered() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b, c);
		api.join(id, b);

		CallApi.Reply declined = api.reject(id, c);

		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.data().get("status").asString()).isEqualTo("ONGOING");
		List<CallEventLog.Received> published = events.await(id, CallInitiated.class, CallParticipantJoined.class,
				CallRejected.class);
		assertThat(published.get(2).event().status()).isEqualTo("ONGOING");
	}

	@Test
	void unansweredCallIsMissedAfterTheRingTimeout() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);

		await().atMost(Duration.ofSeconds(10)).until(() -> status(id, a).equals("MISSED"));

		JsonNode call = api.get(id, b).data();
		assertThat(call.get("endedAt").isNull()).isFalse();
		assertThat(Duration.between(Instant.parse(call.get("createdAt").asString()),
				Instant.parse(call.get("endedAt").asString())))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		CallEventLog.Received missed = events.await(id, CallInitiated.class, CallMissed.class).get(1);
		assertThat(missed.event().status()).isEqualTo("MISSED");
		assertThat(missed.userId()).isNull();
		assertThat(missed.envelope().actorId()).isNull();
		assertThat(missed.event().participantIds()).containsExactly(a, b);
		assertThat(api.join(id, b).message()).isEqualTo("Call was missed");
		// The initiator is no longer in a call.
		assertThat(api.initiate(a, CallFixtures.call("AUDIO", b)).status()).isEqualTo(201);
	}

	@Test
	void participantsMayRejoinAndJoiningTwiceChangesNothing() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b, c);
		api.join(id, b);

		CallApi.Reply again = api.join(id, b);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().get("token").asString()).isNotBlank();
		api.leave(id, b);
		assertThat(api.join(id, b).status()).isEqualTo(200);

		JsonNode b2 = api.get(id, b).data().get("participants").get(1);
		assertThat(b2.get("joinedAt").isNull()).isFalse();
		assertThat(b2.get("leftAt").isNull()).isTrue();
		events.await(id, CallInitiated.class, CallParticipantJoined.class, CallParticipantLeft.class,
				CallParticipantJoined.class);
	}

	@Test
	void groupCallRingsTheGroupsMembers() {
		UUID a = CallFixtures.knownUser(jdbc);
		List<UUID> others = CallFixtures.knownUsers(jdbc, 3);
		UUID group = DirectoryStub.INSTANCE.addGroup(List.of(others.get(0), a, others.get(1), others.get(2)));

		CallApi.Reply all = api.initiate(a, CallFixtures.call("AUDIO", List.of(), group));

		assertThat(all.status()).isEqualTo(201);
		JsonNode call = all.data().get("call");
		assertThat(call.get("groupId").asString()).isEqualTo(group.toString());
		assertThat(call.get("participants").findValuesAsString("userId")).containsExactly(a.toString(),
				others.get(0).toString(), others.get(1).toString(), others.get(2).toString());
		UUID id = UUID.fromString(call.get("id").asString());
		CallEventLog.Received initiated = events.await(id, CallInitiated.class).get(0);
		assertThat(initiated.event().groupId()).isEqualTo(group);
		assertThat(initiated.event().participantIds()).containsExactly(a, others.get(0), others.get(1), others.get(2));
		api.end(id, a);

		// Listing members rings only them.
		CallApi.Reply some = api.initiate(a, CallFixtures.call("AUDIO", List.of(others.get(2)), group));
		assertThat(some.data().get("call").get("participants").findValuesAsString("userId"))
			.containsExactly(a.toString(), others.get(2).toString());
	}

	@Test
	void asksUserServiceAboutUsersItHasNotHeardOfYet() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID newcomer = DirectoryStub.INSTANCE.addUser("newcomer", "newcomer@example.com", null);

		assertThat(api.initiate(a, CallFixtures.call("VIDEO", newcomer)).status()).isEqualTo(201);

		assertThat(jdbc.sql("select email from known_user where id = ?").param(newcomer).query(String.class).single())
			.isEqualTo("newcomer@example.com");
	}

	@Test
	void learnsAboutUsersFromUserEvents() {
		UUID registered = UUID.randomUUID();
		send(registered, new UserRegistered(registered, "fresh_user", "fresh@example.com", Instant.now()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from known_user where id = ?").param(registered).query(Long.class)
				.single() == 1);

		send(registered, new UserUpdated(registered, "renamed", "https://cdn.example.com/a.png", "hi", Instant.now()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "https://cdn.example.com/a.png".equals(jdbc.sql("select coalesce(avatar, '') from known_user where id = ?")
				.param(registered).query(String.class).single()));
		assertThat(jdbc.sql("select username || ' ' || email from known_user where id = ?").param(registered)
			.query(String.class).single()).isEqualTo("renamed fresh@example.com");
		assertThat(api.initiate(CallFixtures.knownUser(jdbc), CallFixtures.call("VIDEO", registered)).status())
			.isEqualTo(201);

		send(registered, new UserDeleted(registered));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select deleted from known_user where id = ?").param(registered).query(Boolean.class)
				.single());
		assertThat(api.initiate(CallFixtures.knownUser(jdbc), CallFixtures.call("VIDEO", registered)).status())
			.isEqualTo(404);
	}

	/** As user-service publishes it: keyed by the user, who is also the actor. */
	private void send(UUID user, UserEvent event) {
		kafka.send(UserEvent.TOPIC, user.toString(), codec.encode(codec.event(user, event)));
	}

	private double activeCalls() {
		return meters.get("chat.calls.active").gauge().value();
	}

	private String status(UUID callId, UUID asUser) {
		return api.get(callId, asUser).data().get("status").asString();
	}
}
