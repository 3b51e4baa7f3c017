package org.chatline.group.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.Topics;
import org.chatline.common.events.UserDeletedEvent;
import org.chatline.common.events.UserRegisteredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chatline.group.groups.GroupFixtures.memberBody;

/** What other services rely on: the events on chat.groups.v1, user events consumed, internal reads. */
class GroupEventsIT extends GroupServiceTestSupport {

	@Autowired
	EventCodec codec;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void publishesEveryChangeInOrderKeyedByGroupWithTheEnvelope() {
		UUID owner = fixtures.knownUser();
		UUID admin = fixtures.knownUser();
		UUID member = fixtures.knownUser();
		try (GroupEventLog log = groupEvents()) {
			UUID id = fixtures.group(owner, "PRIVATE");
			String path = "/api/v1/groups/" + id;
			Instant before = Instant.now().minusSeconds(1);
			api.patch(path, owner, "{\"title\":\"Renamed\"}");
			api.post(path + "/members", owner, memberBody(admin, "ADMIN"));
			api.post(path + "/members", admin, memberBody(member, "MEMBER"));
			api.patch(path + "/members/" + member, owner, "{\"role\":\"ADMIN\"}");
			api.delete(path + "/members/" + member, owner);
			api.post(path + "/leave", owner, null);
			assertThat(api.delete(path, admin).status()).isEqualTo(200);

			List<ConsumerRecord<String, String>> records = log.of(id, 9);
			List<EventEnvelope> events = records.stream().map(r -> codec.decode(r.value())).toList();
			assertThat(events).extracting(EventEnvelope::type)
				.containsExactly(EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED, EventTypes.MEMBER_ADDED,
						EventTypes.MEMBER_ADDED, EventTypes.MEMBER_ROLE_CHANGED, EventTypes.MEMBER_REMOVED,
						EventTypes.OWNERSHIP_TRANSFERRED, EventTypes.MEMBER_REMOVED, EventTypes.GROUP_DELETED);
			assertThat(records).allSatisfy(r -> {
				assertThat(r.topic()).isEqualTo(Topics.GROUPS);
				assertThat(r.key()).isEqualTo(id.toString());
			});
			Set<UUID> eventIds = new HashSet<>();
			for (EventEnvelope e : events) {
				assertThat(eventIds.add(e.eventId())).isTrue();
				assertThat(e.occurredAt()).isAfter(before.minusSeconds(5));
				assertThat(e.payload().get("groupId").asString()).isEqualTo(id.toString());
			}
			assertThat(events).extracting(EventEnvelope::actorId)
				.containsExactly(owner, owner, owner, admin, owner, owner, owner, owner, admin);

			JsonNode created = events.get(0).payload();
			assertThat(created.get("title").asString()).isEqualTo("Team PRIVATE");
			assertThat(created.get("type").asString()).isEqualTo("PRIVATE");
			assertThat(created.get("ownerId").asString()).isEqualTo(owner.toString());
			assertThat(ids(created.get("memberIds"))).containsExactly(owner);
			assertThat(events.get(1).payload().get("title").asString()).isEqualTo("Renamed");
			assertThat(ids(events.get(1).payload().get("memberIds"))).containsExactly(owner);
			assertMember(events.get(2), admin, "ADMIN", null);
			assertMember(events.get(3), member, "MEMBER", null);
			assertMember(events.get(4), member, "ADMIN", null);
			assertMember(events.get(5), member, null, null);
			assertMember(events.get(6), admin, "OWNER", owner);
			assertMember(events.get(7), owner, null, null);
			JsonNode deleted = events.get(8).payload();
			assertThat(deleted.get("ownerId").asString()).isEqualTo(admin.toString());
			assertThat(ids(deleted.get("memberIds"))).containsExactly(admin);
		}
	}

	@Test
	void theLastMemberLeavingPublishesTheRemovalThenTheDeletion() {
		UUID owner = UUID.randomUUID();
		try (GroupEventLog log = groupEvents()) {
			UUID id = fixtures.group(owner, "SECRET");
			api.post("/api/v1/groups/" + id + "/join", fixtures.knownUser(), null); // refused: SECRET
			api.post("/api/v1/groups/" + id + "/leave", owner, null);
			List<EventEnvelope> events = log.of(id, 3).stream().map(r -> codec.decode(r.value())).toList();
			assertThat(events).extracting(EventEnvelope::type)
				.containsExactly(EventTypes.GROUP_CREATED, EventTypes.MEMBER_REMOVED, EventTypes.GROUP_DELETED);
			assertThat(events.get(2).payload().get("memberIds")).isEmpty();
		}
	}

	@Test
	void publishesJoinsAndNothingForRefusedChanges() {
		var group = fixtures.groupWithMembers("PUBLIC", 0, 1);
		UUID joiner = fixtures.knownUser();
		try (GroupEventLog log = groupEvents()) {
			api.patch(group.path(), group.members().get(0), "{\"title\":\"refused\"}");
			api.delete(group.path(), group.members().get(0));
			api.post(group.path() + "/members", group.owner(), memberBody(group.members().get(0), "MEMBER"));
			api.post(group.path() + "/join", joiner, null);
			List<EventEnvelope> events = log.of(group.id(), 1).stream().map(r -> codec.decode(r.value())).toList();
			assertThat(events).hasSize(1);
			assertThat(events.get(0).type()).isEqualTo(EventTypes.MEMBER_ADDED);
			assertThat(events.get(0).actorId()).isEqualTo(joiner);
			assertMember(events.get(0), joiner, "MEMBER", null);
		}
	}

	@Test
	void aDeletedUserLeavesEveryGroupWithTheSameHandOver() {
		UUID doomed = fixtures.knownUser();
		// Owner with an admin and a member: the admin inherits.
		UUID owned = fixtures.group(doomed, "PRIVATE");
		UUID member = fixtures.addMember(owned, doomed, "MEMBER");
		UUID admin = fixtures.addMember(owned, doomed, "ADMIN");
		// Alone: the group goes.
		UUID alone = fixtures.group(doomed, "SECRET");
		// A plain member of someone else's group.
		var other = fixtures.groupWithMembers("PUBLIC", 0, 0);
		assertThat(api.post(other.path() + "/join", doomed, null).status()).isEqualTo(200);

		try (GroupEventLog log = groupEvents()) {
			UUID deleter = UUID.randomUUID();
			String event = codec.encode(codec.envelope(EventTypes.USER_DELETED, deleter, new UserDeletedEvent(doomed)));
			kafka.send(Topics.USERS, doomed.toString(), event);
			kafka.send(Topics.USERS, doomed.toString(), event); // a redelivery changes nothing

			await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from group_member where user_id = ?")
				.param(doomed).query(Long.class).single() == 0);
			assertThat(fixtures.roleOf(owned, admin)).isEqualTo("OWNER");
			assertThat(fixtures.roleOf(owned, member)).isEqualTo("MEMBER");
			assertThat(jdbc.sql("select count(*) from chat_group where id = ?").param(alone).query(Long.class).single())
				.isZero();
			assertThat(fixtures.roleOf(other.id(), other.owner())).isEqualTo("OWNER");

			List<EventEnvelope> handOver = log.of(owned, 2).stream().map(r -> codec.decode(r.value())).toList();
			assertThat(handOver).extracting(EventEnvelope::type)
				.containsExactly(EventTypes.OWNERSHIP_TRANSFERRED, EventTypes.MEMBER_REMOVED);
			assertMember(handOver.get(0), admin, "OWNER", doomed);
			assertMember(handOver.get(1), doomed, null, null);
			assertThat(handOver.get(0).actorId()).isEqualTo(deleter);
			assertThat(log.of(alone, 2).stream().map(r -> codec.decode(r.value()).type()).toList())
				.containsExactly(EventTypes.MEMBER_REMOVED, EventTypes.GROUP_DELETED);
			assertThat(log.of(other.id(), 1).stream().map(r -> codec.decode(r.value()).type()).toList())
				.containsExactly(EventTypes.MEMBER_REMOVED);
		}
		// Gone for good: nobody can add them back, and their still-valid token creates nothing.
		assertThat(api.post("/api/v1/groups", doomed, GroupFixtures.createBody("after", null, null, "PUBLIC")).status())
			.isEqualTo(401);
		assertThat(api.post("/api/v1/groups/" + owned + "/members", admin, memberBody(doomed, "MEMBER")).status())
			.isEqualTo(404);
	}

	@Test
	void learnsAboutNewUsersFromUserEvents() {
		UUID newcomer = UUID.randomUUID();
		kafka.send(Topics.USERS, newcomer.toString(), codec.encode(codec.envelope(EventTypes.USER_REGISTERED, newcomer,
				new UserRegisteredEvent(newcomer, "newcomer", "n@example.com", Instant.now()))));
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from known_user where id = ?")
			.param(newcomer).query(Long.class).single() == 1);

		var group = fixtures.groupWithMembers("PRIVATE", 0, 0);
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(newcomer, "MEMBER")).status())
			.isEqualTo(200);
	}

	@Test
	void internalEndpointsAnswerProjectionMissesToAService() {
		var group = fixtures.groupWithMembers("SECRET", 1, 1);
		UUID member = group.members().get(0);

		GroupApi.Reply found = api.internal("/internal/groups/" + group.id() + "/members/" + member, GroupApi.MESSAGE_SERVICE);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.data().get("groupId").asString()).isEqualTo(group.id().toString());
		assertThat(found.data().get("userId").asString()).isEqualTo(member.toString());
		assertThat(found.data().get("role").asString()).isEqualTo("MEMBER");
		assertThat(api.internal("/internal/groups/" + group.id() + "/members/" + group.owner(), GroupApi.MESSAGE_SERVICE).data().get("role")
			.asString()).isEqualTo("OWNER");
		GroupApi.Reply outsider = api.internal("/internal/groups/" + group.id() + "/members/" + UUID.randomUUID(), GroupApi.MESSAGE_SERVICE);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.code()).isEqualTo("NOT_FOUND");

		GroupApi.Reply members = api.internal("/internal/groups/" + group.id() + "/members", GroupApi.MESSAGE_SERVICE);
		assertThat(members.status()).isEqualTo(200);
		assertThat(members.data().get("groupId").asString()).isEqualTo(group.id().toString());
		assertThat(ids(members.data().get("memberIds"))).containsExactly(group.owner(), group.admins().get(0), member);
		assertThat(api.internal("/internal/groups/" + UUID.randomUUID() + "/members", GroupApi.MESSAGE_SERVICE).status()).isEqualTo(404);

		UUID another = fixtures.group(member, "PUBLIC");
		GroupApi.Reply groups = api.internal("/internal/users/" + member + "/groups", GroupApi.MESSAGE_SERVICE);
		assertThat(groups.status()).isEqualTo(200);
		assertThat(groups.data().get("userId").asString()).isEqualTo(member.toString());
		assertThat(ids(groups.data().get("groupIds"))).containsExactlyInAnyOrder(group.id(), another);
		assertThat(api.internal("/internal/users/" + UUID.randomUUID() + "/groups", GroupApi.MESSAGE_SERVICE).data().get("groupIds")).isEmpty();
	}

	private static void assertMember(EventEnvelope event, UUID userId, String role, UUID previousOwnerId) {
		JsonNode p = event.payload();
		assertThat(p.get("userId").asString()).as(event.type()).isEqualTo(userId.toString());
		if (role == null) {
			assertThat(p.get("role") == null || p.get("role").isNull()).as(event.type() + " role").isTrue();
		}
		else {
			assertThat(p.get("role").asString()).as(event.type()).isEqualTo(role);
		}
		if (previousOwnerId == null) {
			assertThat(p.get("previousOwnerId") == null || p.get("previousOwnerId").isNull()).isTrue();
		}
		else {
			assertThat(p.get("previousOwnerId").asString()).isEqualTo(previousOwnerId.toString());
		}
	}

	private static List<UUID> ids(JsonNode array) {
		List<UUID> ids = new java.util.ArrayList<>();
		array.forEach(n -> ids.add(UUID.fromString(n.asString())));
		return ids;
	}
}
