package org.chatline.group.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.group.api.GroupEvent;
import org.chatline.group.api.GroupEvent.GroupChanged;
import org.chatline.group.api.GroupEvent.GroupCreated;
import org.chatline.group.api.GroupEvent.GroupDeleted;
import org.chatline.group.api.GroupEvent.GroupUpdated;
import org.chatline.group.api.GroupEvent.MemberAdded;
import org.chatline.group.api.GroupEvent.MemberRemoved;
import org.chatline.group.api.GroupEvent.MemberRoleChanged;
import org.chatline.group.api.GroupEvent.OwnershipTransferred;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserDeleted;
import org.chatline.user.api.UserEvent.UserRegistered;
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
			List<Event<GroupEvent>> events = decode(records);
			assertThat(types(events)).containsExactly(GroupCreated.class, GroupUpdated.class, MemberAdded.class,
					MemberAdded.class, MemberRoleChanged.class, MemberRemoved.class, OwnershipTransferred.class,
					MemberRemoved.class, GroupDeleted.class);
			assertThat(records).allSatisfy(r -> {
				assertThat(r.topic()).isEqualTo(GroupEvent.TOPIC);
				assertThat(r.key()).isEqualTo(id.toString());
			});
			Set<UUID> eventIds = new HashSet<>();
			for (Event<GroupEvent> e : events) {
				assertThat(eventIds.add(e.eventId())).isTrue();
				assertThat(e.occurredAt()).isAfter(before.minusSeconds(5));
				assertThat(e.payload().groupId()).isEqualTo(id);
			}
			assertThat(events).extracting(Event::actorId)
				.containsExactly(owner, owner, owner, admin, owner, owner, owner, owner, admin);

			GroupChanged created = (GroupChanged) events.get(0).payload();
			assertThat(created.title()).isEqualTo("Team PRIVATE");
			assertThat(created.type()).isEqualTo("PRIVATE");
			assertThat(created.ownerId()).isEqualTo(owner);
			assertThat(created.memberIds()).containsExactly(owner);
			GroupChanged updated = (GroupChanged) events.get(1).payload();
			assertThat(updated.title()).isEqualTo("Renamed");
			assertThat(updated.memberIds()).containsExactly(owner);
			assertThat(events.subList(2, 8)).extracting(Event::payload)
				.containsExactly(new MemberAdded(id, admin, "ADMIN"), new MemberAdded(id, member, "MEMBER"),
						new MemberRoleChanged(id, member, "ADMIN"), new MemberRemoved(id, member),
						new OwnershipTransferred(id, admin, "OWNER", owner), new MemberRemoved(id, owner));
			GroupChanged deleted = (GroupChanged) events.get(8).payload();
			assertThat(deleted.ownerId()).isEqualTo(admin);
			assertThat(deleted.memberIds()).containsExactly(admin);
		}
	}

	@Test
	void theLastMemberLeavingPublishesTheRemovalThenTheDeletion() {
		UUID owner = UUID.randomUUID();
		try (GroupEventLog log = groupEvents()) {
			UUID id = fixtures.group(owner, "SECRET");
			api.post("/api/v1/groups/" + id + "/join", fixtures.knownUser(), null); // refused: SECRET
			api.post("/api/v1/groups/" + id + "/leave", owner, null);
			List<Event<GroupEvent>> events = decode(log.of(id, 3));
			assertThat(types(events)).containsExactly(GroupCreated.class, MemberRemoved.class, GroupDeleted.class);
			assertThat(((GroupDeleted) events.get(2).payload()).memberIds()).isEmpty();
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
			List<Event<GroupEvent>> events = decode(log.of(group.id(), 1));
			assertThat(events).hasSize(1);
			assertThat(events.get(0).actorId()).isEqualTo(joiner);
			assertThat(events.get(0).payload()).isEqualTo(new MemberAdded(group.id(), joiner, "MEMBER"));
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
			String event = codec.encode(codec.event(deleter, new UserDeleted(doomed)));
			kafka.send(UserEvent.TOPIC, doomed.toString(), event);
			kafka.send(UserEvent.TOPIC, doomed.toString(), event); // a redelivery changes nothing

			await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select count(*) from group_member where user_id = ?")
				.param(doomed).query(Long.class).single() == 0);
			assertThat(fixtures.roleOf(owned, admin)).isEqualTo("OWNER");
			assertThat(fixtures.roleOf(owned, member)).isEqualTo("MEMBER");
			assertThat(jdbc.sql("select count(*) from chat_group where id = ?").param(alone).query(Long.class).single())
				.isZero();
			assertThat(fixtures.roleOf(other.id(), other.owner())).isEqualTo("OWNER");

			List<Event<GroupEvent>> handOver = decode(log.of(owned, 2));
			assertThat(handOver).extracting(Event::payload).containsExactly(
					new OwnershipTransferred(owned, admin, "OWNER", doomed), new MemberRemoved(owned, doomed));
			assertThat(handOver.get(0).actorId()).isEqualTo(deleter);
			assertThat(types(decode(log.of(alone, 2)))).containsExactly(MemberRemoved.class, GroupDeleted.class);
			assertThat(decode(log.of(other.id(), 1))).extracting(Event::payload)
				.containsExactly(new MemberRemoved(other.id(), doomed));
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
		kafka.send(UserEvent.TOPIC, newcomer.toString(), codec.encode(codec.event(newcomer,
				new UserRegistered(newcomer, "newcomer", "n@example.com", Instant.now()))));
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

	/** As a consumer reads them: group-api's records. */
	@SuppressWarnings("unchecked")
	private List<Event<GroupEvent>> decode(List<ConsumerRecord<String, String>> records) {
		return records.stream()
			.map(r -> (Event<GroupEvent>) codec.decode(r.value(), List.of(GroupEvent.class)).orElseThrow())
			.toList();
	}

	private static List<Class<?>> types(List<Event<GroupEvent>> events) {
		return events.stream().<Class<?>>map(e -> e.payload().getClass()).toList();
	}

	private static List<UUID> ids(JsonNode array) {
		List<UUID> ids = new java.util.ArrayList<>();
		array.forEach(n -> ids.add(UUID.fromString(n.asString())));
		return ids;
	}
}
