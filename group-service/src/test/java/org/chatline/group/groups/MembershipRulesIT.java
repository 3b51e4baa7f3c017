package org.chatline.group.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatline.group.groups.GroupFixtures.memberBody;

/** Adding, removing, promoting, leaving and joining: each rule, allowed and refused. */
class MembershipRulesIT extends GroupServiceTestSupport {

	@Test
	void ownerAddsMembersAndAdmins() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 0);
		UUID member = fixtures.knownUser();
		UUID admin = fixtures.knownUser();

		GroupApi.Reply added = api.post(group.path() + "/members", group.owner(), memberBody(member, "MEMBER"));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.message()).isEqualTo("Member added successfully");
		assertThat(added.data().isNull()).isTrue();
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(admin, "ADMIN")).status()).isEqualTo(200);
		UUID defaulted = fixtures.knownUser();
		assertThat(api.post(group.path() + "/members", group.owner(), "{\"userId\":\"" + defaulted + "\"}").status())
			.isEqualTo(200);

		assertThat(fixtures.roleOf(group.id(), member)).isEqualTo("MEMBER");
		assertThat(fixtures.roleOf(group.id(), admin)).isEqualTo("ADMIN");
		assertThat(fixtures.roleOf(group.id(), defaulted)).isEqualTo("MEMBER");
		assertThat(api.get(group.path(), member).data().get("members")).hasSize(4);
	}

	@Test
	void adminsAddMembersButOnlyTheOwnerMakesAdmins() {
		var group = fixtures.groupWithMembers("PRIVATE", 1, 0);
		UUID admin = group.admins().get(0);
		UUID member = fixtures.knownUser();
		assertThat(api.post(group.path() + "/members", admin, memberBody(member, "MEMBER")).status()).isEqualTo(200);

		UUID wouldBeAdmin = fixtures.knownUser();
		GroupApi.Reply refused = api.post(group.path() + "/members", admin, memberBody(wouldBeAdmin, "ADMIN"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("FORBIDDEN");
		assertThat(fixtures.roleOf(group.id(), wouldBeAdmin)).isNull();
	}

	@Test
	void membersAndOutsidersCannotAddMembers() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		UUID candidate = fixtures.knownUser();
		GroupApi.Reply byMember = api.post(group.path() + "/members", group.members().get(0), memberBody(candidate, "MEMBER"));
		assertThat(byMember.status()).isEqualTo(403);
		assertThat(byMember.code()).isEqualTo("FORBIDDEN");
		assertThat(api.post(group.path() + "/members", UUID.randomUUID(), memberBody(candidate, "MEMBER")).status())
			.isEqualTo(403);
		var secret = fixtures.groupWithMembers("SECRET", 0, 0);
		assertThat(api.post(secret.path() + "/members", UUID.randomUUID(), memberBody(candidate, "MEMBER")).status())
			.isEqualTo(404);
		var open = fixtures.groupWithMembers("PUBLIC", 0, 0);
		assertThat(api.post(open.path() + "/members", UUID.randomUUID(), memberBody(candidate, "MEMBER")).status())
			.isEqualTo(403);
		assertThat(fixtures.roleOf(group.id(), candidate)).isNull();
	}

	@Test
	void nobodyAddsAUserWhoDoesNotExistOrIsAlreadyAMember() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		GroupApi.Reply unknown = api.post(group.path() + "/members", group.owner(), memberBody(UUID.randomUUID(), "MEMBER"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");
		assertThat(unknown.message()).isEqualTo("User not found");
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(fixtures.deletedUser(), "MEMBER"))
			.status()).isEqualTo(404);

		UUID member = group.members().get(0);
		GroupApi.Reply again = api.post(group.path() + "/members", group.owner(), memberBody(member, "MEMBER"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("CONFLICT");
		// A role change is PATCH /members/{userId}; adding an existing member with another role is a conflict too.
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(member, "ADMIN")).status()).isEqualTo(409);
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(group.owner(), "MEMBER")).status())
			.isEqualTo(409);
		assertThat(fixtures.roleOf(group.id(), member)).isEqualTo("MEMBER");
		assertThat(api.post("/api/v1/groups/" + UUID.randomUUID() + "/members", group.owner(),
				memberBody(member, "MEMBER")).status()).isEqualTo(404);
	}

	@Test
	void refusesInvalidMemberBodies() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 0);
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("missing userId", "{\"role\":\"MEMBER\"}");
		cases.put("userId not a uuid", "{\"userId\":\"bob\",\"role\":\"MEMBER\"}");
		cases.put("role OWNER", memberBody(fixtures.knownUser(), "OWNER"));
		cases.put("unknown role", memberBody(fixtures.knownUser(), "BOSS"));
		cases.put("malformed JSON", "{");
		for (var c : cases.entrySet()) {
			GroupApi.Reply reply = api.post(group.path() + "/members", group.owner(), c.getValue());
			assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
			assertThat(reply.code()).as(c.getKey()).isEqualTo("VALIDATION_ERROR");
		}
		GroupApi.Reply badRole = api.patch(group.path() + "/members/" + group.owner(), group.owner(), "{\"role\":\"OWNER\"}");
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(api.patch(group.path() + "/members/" + group.owner(), group.owner(), "{}").status()).isEqualTo(400);
	}

	@Test
	void asksUserServiceAboutUsersItHasNotHeardOfAndAnswers503WhenItFails() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 0);
		UUID justRegistered = UserServiceStub.INSTANCE.addUser();
		assertThat(api.post(group.path() + "/members", group.owner(), memberBody(justRegistered, "MEMBER")).status())
			.isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from known_user where id = ? and not deleted").param(justRegistered)
			.query(Long.class).single()).isEqualTo(1);

		GroupApi.Reply down = api.post(group.path() + "/members", group.owner(),
				memberBody(UserServiceStub.INSTANCE.brokenUser(), "MEMBER"));
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void ownerRemovesAdminsAndMembersAndAdminsRemoveMembers() {
		var group = fixtures.groupWithMembers("PRIVATE", 2, 2);
		GroupApi.Reply byAdmin = api.delete(group.path() + "/members/" + group.members().get(0), group.admins().get(0));
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.message()).isEqualTo("Member removed successfully");
		assertThat(byAdmin.data().isNull()).isTrue();
		assertThat(api.delete(group.path() + "/members/" + group.members().get(1), group.owner()).status()).isEqualTo(200);
		assertThat(api.delete(group.path() + "/members/" + group.admins().get(1), group.owner()).status()).isEqualTo(200);

		assertThat(fixtures.roleOf(group.id(), group.members().get(0))).isNull();
		assertThat(fixtures.roleOf(group.id(), group.admins().get(1))).isNull();
		// A removed member of a PRIVATE group is an outsider at once.
		assertThat(api.get(group.path(), group.members().get(0)).status()).isEqualTo(403);
	}

	@Test
	void adminsCannotRemoveTheOwnerOrOtherAdminsAndMembersRemoveNobody() {
		var group = fixtures.groupWithMembers("PRIVATE", 2, 2);
		UUID admin = group.admins().get(0);
		List<String[]> refused = List.of(new String[] { admin.toString(), group.owner().toString() },
				new String[] { admin.toString(), group.admins().get(1).toString() },
				new String[] { group.members().get(0).toString(), group.members().get(1).toString() },
				new String[] { UUID.randomUUID().toString(), group.members().get(1).toString() });
		for (String[] r : refused) {
			GroupApi.Reply reply = api.delete(group.path() + "/members/" + r[1], UUID.fromString(r[0]));
			assertThat(reply.status()).as(r[0] + " removes " + r[1]).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("FORBIDDEN");
		}
		assertThat(api.get(group.path(), group.owner()).data().get("members")).hasSize(5);

		GroupApi.Reply notAMember = api.delete(group.path() + "/members/" + UUID.randomUUID(), group.owner());
		assertThat(notAMember.status()).isEqualTo(404);
		assertThat(notAMember.message()).isEqualTo("Member not found");
		var secret = fixtures.groupWithMembers("SECRET", 0, 1);
		assertThat(api.delete(secret.path() + "/members/" + secret.members().get(0), UUID.randomUUID()).status())
			.isEqualTo(404);
	}

	@Test
	void onlyTheOwnerChangesRoles() {
		var group = fixtures.groupWithMembers("PRIVATE", 1, 2);
		UUID member = group.members().get(0);
		GroupApi.Reply promoted = api.patch(group.path() + "/members/" + member, group.owner(), "{\"role\":\"ADMIN\"}");
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.message()).isEqualTo("Member role updated successfully");
		assertThat(promoted.data().get("role").asString()).isEqualTo("ADMIN");
		// The new admin can now add members.
		assertThat(api.post(group.path() + "/members", member, memberBody(fixtures.knownUser(), "MEMBER")).status())
			.isEqualTo(200);

		UUID admin = group.admins().get(0);
		assertThat(api.patch(group.path() + "/members/" + admin, group.owner(), "{\"role\":\"MEMBER\"}").status())
			.isEqualTo(200);
		assertThat(fixtures.roleOf(group.id(), admin)).isEqualTo("MEMBER");
		assertThat(api.post(group.path() + "/members", admin, memberBody(fixtures.knownUser(), "MEMBER")).status())
			.isEqualTo(403);

		GroupApi.Reply byAdmin = api.patch(group.path() + "/members/" + group.members().get(1), member, "{\"role\":\"ADMIN\"}");
		assertThat(byAdmin.status()).isEqualTo(403);
		assertThat(byAdmin.code()).isEqualTo("FORBIDDEN");
		assertThat(api.patch(group.path() + "/members/" + group.owner(), group.owner(), "{\"role\":\"MEMBER\"}").status())
			.isEqualTo(403);
		assertThat(api.patch(group.path() + "/members/" + UUID.randomUUID(), group.owner(), "{\"role\":\"ADMIN\"}")
			.status()).isEqualTo(404);
		assertThat(fixtures.roleOf(group.id(), group.members().get(1))).isEqualTo("MEMBER");
		assertThat(fixtures.roleOf(group.id(), group.owner())).isEqualTo("OWNER");
	}

	@Test
	void membersLeaveAndOutsidersCannot() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		GroupApi.Reply left = api.post(group.path() + "/leave", group.members().get(0), null);
		assertThat(left.status()).isEqualTo(200);
		assertThat(left.message()).isEqualTo("Left group successfully");
		assertThat(left.data().isNull()).isTrue();
		assertThat(fixtures.roleOf(group.id(), group.members().get(0))).isNull();

		GroupApi.Reply again = api.post(group.path() + "/leave", group.members().get(0), null);
		assertThat(again.status()).isEqualTo(403);
		var secret = fixtures.groupWithMembers("SECRET", 0, 0);
		assertThat(api.post(secret.path() + "/leave", UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/groups/" + UUID.randomUUID() + "/leave", UUID.randomUUID(), null).status())
			.isEqualTo(404);
	}

	@Test
	void aLeavingOwnerHandsOverToTheLongestStandingAdminBeforeAnyMember() {
		UUID owner = fixtures.knownUser();
		UUID id = fixtures.group(owner, "PRIVATE");
		UUID earlyMember = fixtures.addMember(id, owner, "MEMBER");
		UUID firstAdmin = fixtures.addMember(id, owner, "ADMIN");
		UUID secondAdmin = fixtures.addMember(id, owner, "ADMIN");

		assertThat(api.post("/api/v1/groups/" + id + "/leave", owner, null).status()).isEqualTo(200);
		assertThat(fixtures.roleOf(id, firstAdmin)).isEqualTo("OWNER");
		assertThat(fixtures.roleOf(id, secondAdmin)).isEqualTo("ADMIN");
		assertThat(fixtures.roleOf(id, earlyMember)).isEqualTo("MEMBER");
		assertThat(fixtures.roleOf(id, owner)).isNull();
		// The new owner holds the owner's powers.
		assertThat(api.delete("/api/v1/groups/" + id + "/members/" + secondAdmin, firstAdmin).status()).isEqualTo(200);
	}

	@Test
	void aLeavingOwnerWithoutAdminsHandsOverToTheLongestStandingMember() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 2);
		assertThat(api.post(group.path() + "/leave", group.owner(), null).status()).isEqualTo(200);
		assertThat(fixtures.roleOf(group.id(), group.members().get(0))).isEqualTo("OWNER");
		assertThat(fixtures.roleOf(group.id(), group.members().get(1))).isEqualTo("MEMBER");
	}

	@Test
	void removingOneselfIsLeaving() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		assertThat(api.delete(group.path() + "/members/" + group.owner(), group.owner()).status()).isEqualTo(200);
		assertThat(fixtures.roleOf(group.id(), group.members().get(0))).isEqualTo("OWNER");
	}

	@Test
	void theLastMemberLeavingDeletesTheGroup() {
		var group = fixtures.groupWithMembers("PRIVATE", 0, 1);
		api.post(group.path() + "/leave", group.members().get(0), null);
		assertThat(api.post(group.path() + "/leave", group.owner(), null).status()).isEqualTo(200);
		assertThat(api.get(group.path(), group.owner()).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from chat_group where id = ?").param(group.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void anyoneJoinsAPublicGroupButNotAPrivateOrSecretOne() {
		var open = fixtures.groupWithMembers("PUBLIC", 0, 0);
		UUID joiner = fixtures.knownUser();
		GroupApi.Reply joined = api.post(open.path() + "/join", joiner, null);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.message()).isEqualTo("Joined group successfully");
		assertThat(fixtures.roleOf(open.id(), joiner)).isEqualTo("MEMBER");
		assertThat(api.post(open.path() + "/join", joiner, null).status()).isEqualTo(409);
		// Joining gives a member's rights, nothing more.
		assertThat(api.post(open.path() + "/members", joiner, memberBody(fixtures.knownUser(), "MEMBER")).status())
			.isEqualTo(403);
		// A deleted user's token outlives them by a few minutes; it no longer opens groups.
		GroupApi.Reply gone = api.post(open.path() + "/join", fixtures.deletedUser(), null);
		assertThat(gone.status()).isEqualTo(401);
		assertThat(gone.code()).isEqualTo("UNAUTHORIZED");

		var closed = fixtures.groupWithMembers("PRIVATE", 0, 0);
		GroupApi.Reply refused = api.post(closed.path() + "/join", joiner, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("FORBIDDEN");
		var secret = fixtures.groupWithMembers("SECRET", 0, 0);
		assertThat(api.post(secret.path() + "/join", joiner, null).status()).isEqualTo(404);
		assertThat(fixtures.roleOf(closed.id(), joiner)).isNull();
		assertThat(fixtures.roleOf(secret.id(), joiner)).isNull();
	}

	@Test
	void twoAdminsAddingTheSameUserAtOnceExactlyOneWins() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				var group = fixtures.groupWithMembers("PRIVATE", 2, 0);
				UUID user = fixtures.knownUser();
				List<Integer> statuses = concurrently(pool, group.admins().stream()
					.map(admin -> (Callable<Integer>) () -> api
						.post(group.path() + "/members", admin, memberBody(user, "MEMBER")).status())
					.toList());
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				assertThat(jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
					.params(group.id(), user).query(Long.class).single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void concurrentLeavesNeverLeaveAGroupWithoutExactlyOneOwner() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 3; round++) {
				var group = fixtures.groupWithMembers("PRIVATE", 2, 2);
				List<UUID> leavers = List.of(group.owner(), group.admins().get(0), group.admins().get(1),
						group.members().get(0));
				List<Integer> statuses = concurrently(pool, leavers.stream()
					.map(u -> (Callable<Integer>) () -> api.post(group.path() + "/leave", u, null).status())
					.toList());
				assertThat(statuses).containsOnly(200);
				assertThat(fixtures.roleOf(group.id(), group.members().get(1))).isEqualTo("OWNER");
				assertThat(jdbc.sql("select count(*) from group_member where group_id = ?").param(group.id())
					.query(Long.class).single()).isEqualTo(1);

				// Everyone at once, the group ends deleted and never ownerless on the way.
				var all = fixtures.groupWithMembers("PRIVATE", 1, 2);
				List<UUID> everyone = List.of(all.owner(), all.admins().get(0), all.members().get(0), all.members().get(1));
				assertThat(concurrently(pool, everyone.stream()
					.map(u -> (Callable<Integer>) () -> api.post(all.path() + "/leave", u, null).status())
					.toList())).containsOnly(200);
				assertThat(jdbc.sql("select count(*) from chat_group where id = ?").param(all.id()).query(Long.class)
					.single()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Runs the calls released together by a latch; their results in call order. */
	private static <T> List<T> concurrently(ExecutorService pool, List<Callable<T>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> call : calls) {
			futures.add(pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> f : futures) {
			results.add(f.get(30, TimeUnit.SECONDS));
		}
		return results;
	}
}
