package org.chatline.group.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Users planted in the service's user projection, and groups built through the API. */
final class GroupFixtures {

	/** A group and its people; admins and members in the order they joined. */
	record TestGroup(UUID id, UUID owner, List<UUID> admins, List<UUID> members) {

		String path() {
			return "/api/v1/groups/" + id;
		}
	}

	private final GroupApi api;

	private final JdbcClient jdbc;

	GroupFixtures(GroupApi api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/** A user the service knows from {@code chat.users.v1}. */
	UUID knownUser() {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into known_user (id, username) values (?, ?)").params(id, "u_" + id.toString().substring(0, 8)).update();
		return id;
	}

	UUID deletedUser() {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into known_user (id, deleted) values (?, true)").param(id).update();
		return id;
	}

	UUID group(UUID owner, String type) {
		GroupApi.Reply created = api.post("/api/v1/groups", owner, createBody("Team " + type, "about us", null, type));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return UUID.fromString(created.data().get("id").asString());
	}

	TestGroup groupWithMembers(String type, int admins, int members) {
		UUID owner = knownUser();
		UUID id = group(owner, type);
		List<UUID> adminIds = new ArrayList<>();
		List<UUID> memberIds = new ArrayList<>();
		for (int i = 0; i < admins; i++) {
			adminIds.add(addMember(id, owner, "ADMIN"));
		}
		for (int i = 0; i < members; i++) {
			memberIds.add(addMember(id, owner, "MEMBER"));
		}
		return new TestGroup(id, owner, List.copyOf(adminIds), List.copyOf(memberIds));
	}

	/** Adds a new known user with the role, as {@code by}; returns the user. */
	UUID addMember(UUID groupId, UUID by, String role) {
		UUID user = knownUser();
		GroupApi.Reply added = api.post("/api/v1/groups/" + groupId + "/members", by, memberBody(user, role));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
		return user;
	}

	String roleOf(UUID groupId, UUID userId) {
		return jdbc.sql("select role from group_member where group_id = ? and user_id = ?")
			.params(groupId, userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	static String createBody(String title, String description, String cover, String type) {
		return "{\"title\":%s,\"description\":%s,\"cover\":%s,\"type\":%s}".formatted(quote(title), quote(description),
				quote(cover), quote(type));
	}

	static String memberBody(UUID userId, String role) {
		return "{\"userId\":%s,\"role\":%s}".formatted(quote(userId == null ? null : userId.toString()), quote(role));
	}

	static String quote(String s) {
		return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
