package org.chatline.group.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code chat_group} and {@code group_member}. */
@Repository
class GroupRepository {

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Group g) {
		jdbc.sql("""
				insert into chat_group (id, title, description, cover, type, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(g.id(), g.title(), g.description(), g.cover(), g.type().name(), Timestamp.from(g.createdAt()),
					Timestamp.from(g.updatedAt()))
			.update();
	}

	void update(Group g) {
		jdbc.sql("update chat_group set title = ?, description = ?, cover = ?, type = ?, updated_at = ? where id = ?")
			.params(g.title(), g.description(), g.cover(), g.type().name(), Timestamp.from(g.updatedAt()), g.id())
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from chat_group where id = ?").param(id).update();
	}

	Optional<Group> find(UUID id) {
		return jdbc.sql("select * from chat_group where id = ?").param(id).query(GroupRepository::group).optional();
	}

	/**
	 * Reads the group and locks its row until the transaction ends: every change to a group or its
	 * members takes this lock first, so they apply one at a time and a hand-over always sees the
	 * members as they are.
	 */
	Optional<Group> lock(UUID id) {
		return jdbc.sql("select * from chat_group where id = ? for update").param(id).query(GroupRepository::group).optional();
	}

	Optional<Role> roleOf(UUID groupId, UUID userId) {
		return jdbc.sql("select role from group_member where group_id = ? and user_id = ?")
			.params(groupId, userId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.optional();
	}

	/** Longest-standing first. */
	List<Member> members(UUID groupId) {
		return jdbc.sql("select user_id, role, joined_at from group_member where group_id = ? order by joined_at, join_seq")
			.param(groupId)
			.query((rs, row) -> new Member(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	List<UUID> memberIds(UUID groupId) {
		return members(groupId).stream().map(Member::userId).toList();
	}

	/** Adds a member unless they already are one; false if they were. */
	boolean addMember(UUID groupId, UUID userId, Role role, Instant joinedAt) {
		return jdbc.sql("""
				insert into group_member (group_id, user_id, role, joined_at) values (?, ?, ?, ?)
				on conflict (group_id, user_id) do nothing""")
			.params(groupId, userId, role.name(), Timestamp.from(joinedAt))
			.update() == 1;
	}

	void setRole(UUID groupId, UUID userId, Role role) {
		jdbc.sql("update group_member set role = ? where group_id = ? and user_id = ?")
			.params(role.name(), groupId, userId)
			.update();
	}

	void removeMember(UUID groupId, UUID userId) {
		jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(groupId, userId).update();
	}

	/** The groups a user belongs to, in id order (the order in which to lock several of them). */
	List<UUID> groupIdsOf(UUID userId) {
		return jdbc.sql("select group_id from group_member where user_id = ? order by group_id")
			.param(userId)
			.query(UUID.class)
			.list();
	}

	record Membership(Group group, Role role, Instant joinedAt, long memberCount) {
	}

	/** One page of a user's groups, newest membership first. */
	List<Membership> groupsOf(UUID userId, int limit, long offset) {
		return jdbc.sql("""
				select g.*, m.role as member_role, m.joined_at as member_joined_at,
				       (select count(*) from group_member c where c.group_id = g.id) as member_count
				from group_member m join chat_group g on g.id = m.group_id
				where m.user_id = ?
				order by m.joined_at desc, m.join_seq desc
				limit ? offset ?""")
			.params(userId, limit, offset)
			.query((rs, row) -> new Membership(group(rs, row), Role.valueOf(rs.getString("member_role")),
					rs.getTimestamp("member_joined_at").toInstant(), rs.getLong("member_count")))
			.list();
	}

	long countGroupsOf(UUID userId) {
		return jdbc.sql("select count(*) from group_member where user_id = ?").param(userId).query(Long.class).single();
	}

	private static Group group(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
				rs.getString("cover"), GroupType.valueOf(rs.getString("type")), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
