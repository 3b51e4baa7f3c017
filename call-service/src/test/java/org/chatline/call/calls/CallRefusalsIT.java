package org.chatline.call.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.test.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Each refusal, with the contract's error envelope. */
@ServiceIT
@Import(CallTestConfiguration.class)
class CallRefusalsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	CallApi api;

	@BeforeEach
	void setUp() {
		api = new CallApi(port, json);
	}

	@Test
	void refusesInvalidCallRequests() {
		UUID me = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		List<String> hundredAndOne = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			hundredAndOne.add("\"" + UUID.randomUUID() + "\"");
		}
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("{\"participantIds\":[\"" + b + "\"]}", "type missing");
		cases.put("{\"type\":\"CHAT\",\"participantIds\":[\"" + b + "\"]}", "type not AUDIO/VIDEO");
		cases.put("{\"type\":\"video\",\"participantIds\":[\"" + b + "\"]}", "type in lowercase");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[]}", "no participants");
		cases.put("{\"type\":\"VIDEO\"}", "participants missing");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[\"" + b + "\",\"" + b + "\"]}", "duplicate participant");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[\"" + me + "\"]}", "initiator invites themselves");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[\"" + b + "\",\"" + me + "\"]}", "initiator listed again");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[null]}", "null participant");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[\"not-a-uuid\"]}", "malformed id");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":\"" + b + "\"}", "participantIds not an array");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[" + String.join(",", hundredAndOne) + "]}", "too many");
		cases.put("{\"type\":\"VIDEO\",\"participantIds\":[\"" + b + "\"],\"groupId\":\"nope\"}", "malformed group id");
		cases.put("{not json", "malformed JSON");
		for (var c : cases.entrySet()) {
			CallApi.Reply reply = api.initiate(me, c.getKey());
			assertThat(reply.status()).as(c.getValue()).isEqualTo(400);
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.code()).as(c.getValue()).isEqualTo("VALIDATION_ERROR");
			assertThat(reply.message()).isNotBlank();
		}
		assertThat(api.history(me, "").body().get("pagination").get("total").asLong()).isZero();
	}

	@Test
	void refusesParticipantsThatDoNotExist() {
		UUID me = CallFixtures.knownUser(jdbc);
		UUID ghost = UUID.randomUUID();

		CallApi.Reply reply = api.initiate(me, CallFixtures.call("VIDEO", CallFixtures.knownUser(jdbc), ghost));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.code()).isEqualTo("NOT_FOUND");
		assertThat(reply.message()).isEqualTo("Participant not found: " + ghost);
	}

	@Test
	void saysServiceUnavailableWhenUserServiceCannotBeAsked() {
		UUID me = CallFixtures.knownUser(jdbc);

		CallApi.Reply reply = api.initiate(me, CallFixtures.call("VIDEO", DirectoryStub.INSTANCE.addBroken()));

		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.code()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void refusesGroupCallsTheInitiatorMayNotMake() {
		UUID me = CallFixtures.knownUser(jdbc);
		UUID member = CallFixtures.knownUser(jdbc);
		UUID outsider = CallFixtures.knownUser(jdbc);
		UUID group = DirectoryStub.INSTANCE.addGroup(List.of(me, member));

		CallApi.Reply unknown = api.initiate(me, CallFixtures.call("AUDIO", List.of(), UUID.randomUUID()));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.message()).isEqualTo("Group not found");

		CallApi.Reply notMember = api.initiate(outsider, CallFixtures.call("AUDIO", List.of(), group));
		assertThat(notMember.status()).isEqualTo(403);
		assertThat(notMember.code()).isEqualTo("FORBIDDEN");

		CallApi.Reply listsOutsider = api.initiate(me, CallFixtures.call("AUDIO", List.of(outsider), group));
		assertThat(listsOutsider.status()).isEqualTo(400);
		assertThat(listsOutsider.message()).contains(outsider.toString()).contains("not a member");

		CallApi.Reply alone = api.initiate(me, CallFixtures.call("AUDIO", List.of(),
				DirectoryStub.INSTANCE.addGroup(List.of(me))));
		assertThat(alone.status()).isEqualTo(400);

		CallApi.Reply down = api.initiate(me, CallFixtures.call("AUDIO", List.of(), DirectoryStub.INSTANCE.addBroken()));
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void nonParticipantsCannotSeeOrTouchACall() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID outsider = UUID.randomUUID();
		UUID id = api.start(a, b);

		for (CallApi.Reply reply : List.of(api.get(id, outsider), api.join(id, outsider), api.leave(id, outsider),
				api.reject(id, outsider), api.end(id, outsider), api.get(UUID.randomUUID(), a),
				api.join(UUID.randomUUID(), a))) {
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.code()).isEqualTo("NOT_FOUND");
			assertThat(reply.message()).isEqualTo("Call not found");
		}
		assertThat(api.send("GET", "/api/v1/calls/not-a-uuid", a, null).status()).isEqualTo(400);
		assertThat(api.get(id, a).data().get("status").asString()).isEqualTo("RINGING");
	}

	@Test
	void refusesAnonymousCallers() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, CallFixtures.knownUser(jdbc));

		for (CallApi.Reply reply : List.of(api.initiate(null, CallFixtures.call("VIDEO", a)), api.get(id, null),
				api.join(id, null), api.end(id, null))) {
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.code()).isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void onlyTheInitiatorEndsAndOnlyInviteesReject() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b);

		CallApi.Reply inviteeEnds = api.end(id, b);
		assertThat(inviteeEnds.status()).isEqualTo(403);
		assertThat(inviteeEnds.code()).isEqualTo("FORBIDDEN");
		assertThat(inviteeEnds.message()).isEqualTo("Only the initiator can end the call");
		CallApi.Reply initiatorRejects = api.reject(id, a);
		assertThat(initiatorRejects.status()).isEqualTo(403);
		assertThat(initiatorRejects.code()).isEqualTo("FORBIDDEN");

		api.join(id, b);
		assertThat(api.end(id, b).status()).isEqualTo(403);
		assertThat(api.get(id, a).data().get("status").asString()).isEqualTo("ONGOING");
	}

	@Test
	void refusesTransitionsTheCallsStateDoesNotAllow() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID id = api.start(a, b, c);

		assertConflict(api.leave(id, b), "You are not in this call");
		api.reject(id, c);
		assertConflict(api.reject(id, c), "You have already rejected this call");
		api.join(id, b);
		assertConflict(api.reject(id, b), "You have already joined this call");
		api.leave(id, b);
		assertConflict(api.leave(id, b), "You are not in this call");
		assertConflict(api.reject(id, b), "You have already joined this call");

		api.end(id, a);
		assertConflict(api.end(id, a), "Call has already ended");
		assertConflict(api.join(id, b), "Call has already ended");
		assertConflict(api.leave(id, a), "Call has already ended");
		assertThat(api.reject(id, c).status()).isEqualTo(409);

		UUID rejected = api.start(a, b);
		api.reject(rejected, b);
		assertConflict(api.join(rejected, b), "Call was rejected");
		assertConflict(api.end(rejected, a), "Call was rejected");
	}

	@Test
	void usersInACallCannotStartAnotherOrBeInvited() {
		UUID a = CallFixtures.knownUser(jdbc);
		UUID b = CallFixtures.knownUser(jdbc);
		UUID c = CallFixtures.knownUser(jdbc);
		UUID d = CallFixtures.knownUser(jdbc);
		UUID e = CallFixtures.knownUser(jdbc);
		UUID first = api.start(a, b);
		// b is rung by d too: ringing does not make anyone busy.
		UUID second = api.start(d, c, b);
		api.join(second, c);

		// The initiator of a ringing call is in it already.
		assertConflict(api.initiate(a, CallFixtures.call("VIDEO", e)), "You are already in a call; end or leave it first");
		assertConflict(api.initiate(e, CallFixtures.call("VIDEO", a)), "User " + a + " is already in a call");

		api.join(first, b);
		assertConflict(api.initiate(b, CallFixtures.call("VIDEO", e)), "You are already in a call; end or leave it first");
		assertConflict(api.initiate(e, CallFixtures.call("AUDIO", b)), "User " + b + " is already in a call");
		assertConflict(api.join(second, b), "You are already in another call; leave it first");

		api.leave(first, b);
		assertThat(api.join(second, b).status()).isEqualTo(200);
		assertThat(api.get(first, a).data().get("status").asString()).isEqualTo("ONGOING");
	}

	private static void assertConflict(CallApi.Reply reply, String message) {
		assertThat(reply.status()).as(message).isEqualTo(409);
		assertThat(reply.code()).isEqualTo("CONFLICT");
		assertThat(reply.message()).isEqualTo(message);
	}
}
