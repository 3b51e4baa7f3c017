package org.chatline.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chatline.call.api.CallEvent;
import org.chatline.group.api.GroupEvent;
import org.chatline.message.api.MessageEvent;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.presence.api.SignalEvent;
import org.chatline.user.api.UserEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed records read what is on Kafka today and write what today's consumers read.
 * {@code events/v1-before-typed-records.jsonl} was written by the code before the records (the
 * union records of common-lib, one line per event type, nulls included); the typing signals were
 * written by realtime-service's former {@code TypingSignal} record.
 */
class WireCompatibilityTests {

	private static final UUID A = UUID.fromString("11111111-1111-4111-8111-111111111111");

	private static final UUID B = UUID.fromString("22222222-2222-4222-8222-222222222222");

	private static final UUID G = UUID.fromString("33333333-3333-4333-8333-333333333333");

	private static final UUID M = UUID.fromString("44444444-4444-4444-8444-444444444444");

	private static final UUID CALL = UUID.fromString("55555555-5555-4555-8555-555555555555");

	private static final Instant T = Instant.parse("2026-12-03T15:00:00.123456Z");

	private static final Instant T2 = Instant.parse("2026-12-03T15:05:00Z");

	private static final String DM = "dm:" + A + ":" + B;

	private static final String GROUP = "group:" + G;

	private static final List<Class<?>> CONTRACTS = List.of(UserEvent.class, GroupEvent.class, MessageEvent.class,
			CallEvent.class, PresenceEvent.class, SignalEvent.class);

	private static final Map<String, Object> EXPECTED = Map.ofEntries(
			Map.entry("UserRegistered", new UserEvent.UserRegistered(A, "ada", "ada@example.com", T)),
			Map.entry("UserUpdated", new UserEvent.UserUpdated(A, "ada", null, "hi", T)),
			Map.entry("UserDeleted", new UserEvent.UserDeleted(A)),
			Map.entry("GroupCreated", new GroupEvent.GroupCreated(G, "Team", null, null, "PRIVATE", A, List.of(A))),
			Map.entry("GroupUpdated",
					new GroupEvent.GroupUpdated(G, "Team 2", "desc", "https://img/x.png", "PUBLIC", A, List.of(A, B))),
			Map.entry("GroupDeleted", new GroupEvent.GroupDeleted(G, "Team 2", "desc", null, "PUBLIC", A, List.of(A, B))),
			Map.entry("MemberAdded", new GroupEvent.MemberAdded(G, B, "MEMBER")),
			Map.entry("MemberRemoved", new GroupEvent.MemberRemoved(G, B)),
			Map.entry("MemberRoleChanged", new GroupEvent.MemberRoleChanged(G, B, "ADMIN")),
			Map.entry("OwnershipTransferred", new GroupEvent.OwnershipTransferred(G, B, "OWNER", A)),
			Map.entry("MessageCreated", new MessageEvent.MessageCreated(M, DM, 7, A, B, null, null, "hello", "TEXT",
					"SENT", Map.of("k", "v"), T)),
			Map.entry("MessageEdited", new MessageEvent.MessageEdited(M, GROUP, A, null, G, A, "hello!", "SENT", T)),
			Map.entry("MessageDeleted", new MessageEvent.MessageDeleted(M, GROUP, A, null, G, A, "SENT", T)),
			Map.entry("MessageDelivered", new MessageEvent.MessageDelivered(M, DM, A, B, null, B, "DELIVERED", T)),
			Map.entry("MessageSeen", new MessageEvent.MessageSeen(M, DM, A, B, null, B, "SEEN", T)),
			Map.entry("ReactionAdded", new MessageEvent.ReactionAdded(M, DM, A, B, null, B, "SEEN", "+1", T)),
			Map.entry("ReactionRemoved", new MessageEvent.ReactionRemoved(M, DM, A, B, null, B, "SEEN", "+1", T)),
			Map.entry("CallInitiated",
					new CallEvent.CallInitiated(CALL, "VIDEO", "RINGING", A, null, "room-1", List.of(A, B), A, T)),
			Map.entry("CallParticipantJoined", new CallEvent.CallParticipantJoined(CALL, "VIDEO", "ONGOING", A, null,
					"room-1", List.of(A, B), B, T)),
			Map.entry("CallRejected", new CallEvent.CallRejected(CALL, "AUDIO", "REJECTED", A, null, "room-1",
					List.of(A, B), B, T, T2)),
			Map.entry("CallParticipantLeft", new CallEvent.CallParticipantLeft(CALL, "VIDEO", "ENDED", A, G, "room-1",
					List.of(A, B), B, T, T2)),
			Map.entry("CallEnded",
					new CallEvent.CallEnded(CALL, "VIDEO", "ENDED", A, G, "room-1", List.of(A, B), B, T, T2)),
			Map.entry("CallMissed",
					new CallEvent.CallMissed(CALL, "AUDIO", "MISSED", A, null, "room-1", List.of(A, B), T, T2)),
			Map.entry("UserOnline", new PresenceEvent.UserOnline(A, T)),
			Map.entry("UserOffline", new PresenceEvent.UserOffline(A, T2)),
			Map.entry("TypingStarted", new SignalEvent.TypingStarted(A, B, null)),
			Map.entry("TypingStopped", new SignalEvent.TypingStopped(A, null, G)));

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final EventCodec codec = new EventCodec(mapper);

	static List<String> today() throws Exception {
		return new ClassPathResource("events/v1-before-typed-records.jsonl").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
	}

	@ParameterizedTest
	@MethodSource("today")
	void readsTodaysEventIntoTheRecordOfItsType(String json) {
		JsonNode old = mapper.readTree(json);

		Event<?> event = codec.decode(json, CONTRACTS).orElseThrow();

		assertThat(event.eventId()).hasToString(old.get("eventId").asString());
		assertThat(event.actorId()).isEqualTo(A);
		assertThat(event.payload()).isEqualTo(EXPECTED.get(old.get("type").asString()));
	}

	/**
	 * Today's consumers read the union records: they see the same values when every field the new
	 * record writes was in today's payload with the same value, and only null fields are gone.
	 */
	@ParameterizedTest
	@MethodSource("today")
	void writesWhatTodaysConsumersRead(String json) {
		JsonNode old = mapper.readTree(json);
		Object record = EXPECTED.get(old.get("type").asString());

		JsonNode written = mapper.readTree(codec.encode(codec.event(A, record)));

		assertThat(written.get("type")).isEqualTo(old.get("type"));
		assertThat(EventCodec.topic(record.getClass())).isEqualTo(topicOf(old.get("type").asString()));
		assertThat(fieldNames(written.get("payload"))).isSubsetOf(fieldNames(old.get("payload")));
		assertThat(withoutNulls(written.get("payload"))).isEqualTo(withoutNulls(old.get("payload")));
	}

	private static String topicOf(String type) {
		return switch (type) {
			case "UserRegistered", "UserUpdated", "UserDeleted" -> "chat.users.v1";
			case "MessageCreated", "MessageEdited", "MessageDeleted", "MessageDelivered", "MessageSeen",
					"ReactionAdded", "ReactionRemoved" -> "chat.messages.v1";
			case "UserOnline", "UserOffline" -> "chat.presence.v1";
			case "TypingStarted", "TypingStopped" -> "chat.signals.v1";
			default -> type.startsWith("Call") ? "chat.calls.v1" : "chat.groups.v1";
		};
	}

	private static Set<String> fieldNames(JsonNode node) {
		return new HashSet<>(node.propertyNames());
	}

	private static JsonNode withoutNulls(JsonNode node) {
		ObjectNode copy = ((ObjectNode) node).deepCopy();
		fieldNames(node).stream().filter(name -> node.get(name).isNull()).forEach(copy::remove);
		return copy;
	}
}
