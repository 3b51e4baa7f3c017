package org.chatline.message.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.projection.MembershipClient;
import org.chatline.group.api.GroupMemberResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Group membership as message-service sees it: the projection of {@code chat.groups.v1}, with the
 * owner, group-service, asked on a miss (common-lib's {@link MembershipClient}), so a member added a
 * moment ago is not refused. The merge rule is that of common-lib's {@code KnownUsers}, per group:
 * <ol>
 * <li>Events are applied in their order, which Kafka keeps per group (the key is the group id).</li>
 * <li>A group's deletion is sticky. A member's removal deletes their row, so a removed member falls
 * through to the owner, who says no; it is remembered until they are added again.</li>
 * <li>What the owner answers only fills a miss: it may predate an event applied meanwhile, so it
 * never overwrites a member's row nor brings back a removed member, and an answered member list
 * is stored only for a group the events have not described yet.</li>
 * </ol>
 * The owner is asked before a transaction opens, never inside one; what it says is written in a
 * transaction of its own, so a read-only caller can still learn it.
 */
@Component
public class GroupMembership {

	private final JdbcClient jdbc;

	private final MembershipClient groupService;

	private final TransactionTemplate ownTransaction;

	GroupMembership(JdbcClient jdbc, RestClient groupServiceClient, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.groupService = new MembershipClient(groupServiceClient);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** @throws ApiException 503 when the membership is not projected and group-service cannot be asked */
	public boolean isMember(UUID groupId, UUID userId) {
		if (isDeleted(groupId)) {
			return false;
		}
		boolean projected = jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
			.params(groupId, userId)
			.query(Long.class)
			.single() > 0;
		if (projected) {
			return true;
		}
		Optional<GroupMemberResponse> member = groupService.member(groupId, userId);
		member.ifPresent(m -> ownTransaction.executeWithoutResult(status -> fillMember(groupId, userId, m.role())));
		return member.isPresent();
	}

	/**
	 * Every current member of a group; its member list is fetched whole from the owner while the
	 * events have not described the group yet.
	 * @throws ApiException 503 when the list is not projected and group-service cannot be asked
	 */
	public List<UUID> members(UUID groupId) {
		boolean described = jdbc.sql("select count(*) from known_group where group_id = ?")
			.param(groupId)
			.query(Long.class)
			.single() > 0;
		if (!described) {
			Optional<List<UUID>> members = groupService.members(groupId);
			if (members.isEmpty()) {
				return List.of();
			}
			ownTransaction.executeWithoutResult(status -> fillMembers(groupId, members.get()));
		}
		return jdbc.sql("select user_id from group_member where group_id = ?").param(groupId).query(UUID.class).list();
	}

	void addMember(UUID groupId, UUID userId, String role) {
		jdbc.sql("""
				insert into group_member (group_id, user_id, role) values (?, ?, ?)
				on conflict (group_id, user_id) do update set role = excluded.role""")
			.params(groupId, userId, role == null ? "MEMBER" : role)
			.update();
		jdbc.sql("delete from group_member_removal where group_id = ? and user_id = ?").params(groupId, userId).update();
	}

	void removeMember(UUID groupId, UUID userId) {
		jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(groupId, userId).update();
		jdbc.sql("insert into group_member_removal (group_id, user_id) values (?, ?) on conflict do nothing")
			.params(groupId, userId)
			.update();
	}

	/** The whole member list, as {@code GroupCreated} gives it. */
	void replaceMembers(UUID groupId, List<UUID> memberIds) {
		UUID[] ids = memberIds.toArray(UUID[]::new);
		jdbc.sql("delete from group_member where group_id = ? and not (user_id = any(?))").params(groupId, ids).update();
		jdbc.sql("delete from group_member_removal where group_id = ? and user_id = any(?)").params(groupId, ids).update();
		jdbc.sql("""
				insert into group_member (group_id, user_id, role) select ?, unnest(?::uuid[]), 'MEMBER'
				on conflict (group_id, user_id) do nothing""")
			.params(groupId, ids)
			.update();
		jdbc.sql("insert into known_group (group_id, complete) values (?, true) on conflict (group_id) do nothing")
			.param(groupId)
			.update();
	}

	void deleteGroup(UUID groupId) {
		jdbc.sql("delete from group_member where group_id = ?").param(groupId).update();
		jdbc.sql("delete from group_member_removal where group_id = ?").param(groupId).update();
		jdbc.sql("""
				insert into known_group (group_id, complete, deleted) values (?, true, true)
				on conflict (group_id) do update set deleted = true""").param(groupId).update();
	}

	private void fillMember(UUID groupId, UUID userId, String role) {
		jdbc.sql("""
				insert into group_member (group_id, user_id, role)
				select ?, ?, ? where not exists (select 1 from group_member_removal where group_id = ? and user_id = ?)
				on conflict (group_id, user_id) do nothing""")
			.params(groupId, userId, role == null ? "MEMBER" : role, groupId, userId)
			.update();
	}

	private void fillMembers(UUID groupId, List<UUID> memberIds) {
		boolean first = jdbc.sql("insert into known_group (group_id, complete) values (?, true) on conflict do nothing")
			.param(groupId)
			.update() == 1;
		if (first) {
			memberIds.forEach(userId -> fillMember(groupId, userId, "MEMBER"));
		}
	}

	private boolean isDeleted(UUID groupId) {
		return jdbc.sql("select deleted from known_group where group_id = ?")
			.param(groupId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}
}
