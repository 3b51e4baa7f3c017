package org.chatline.message.groups;

import java.util.List;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Group membership as message-service sees it: the projection of {@code chat.groups.v1}, with the
 * owner (group-service) asked on a miss, so a member added a moment ago is not refused. A removal
 * deletes the projected row, so a removed member falls through to the owner, who says no.
 * <p>
 * A miss calls the owner over HTTP: ask before opening a transaction, never inside one. What the
 * owner says is written in a transaction of its own, so a read-only caller can still learn it.
 */
@Component
public class GroupMembership {

	private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);

	private final JdbcClient jdbc;

	private final RestClient groupService;

	private final TransactionTemplate ownTransaction;

	GroupMembership(JdbcClient jdbc, RestClient groupServiceClient, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.groupService = groupServiceClient;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

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
		outsideTransaction();
		try {
			MemberEnvelope reply = groupService.get()
				.uri("/internal/groups/{groupId}/members/{userId}", groupId, userId)
				.retrieve()
				.body(MemberEnvelope.class);
			MemberView member = reply == null ? null : reply.data();
			if (member == null) {
				return false;
			}
			ownTransaction.executeWithoutResult(status -> addMember(groupId, userId, member.role()));
			return true;
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("group-service could not confirm membership of {} in {}: {}", userId, groupId, ex.toString());
			throw ApiException.unavailable("Group directory is unavailable, please retry");
		}
	}

	/** Every current member of a group (the member list is fetched whole from the owner if incomplete). */
	public List<UUID> members(UUID groupId) {
		Boolean complete = jdbc.sql("select complete from known_group where group_id = ?")
			.param(groupId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!complete) {
			outsideTransaction();
			try {
				MembersEnvelope reply = groupService.get()
					.uri("/internal/groups/{groupId}/members", groupId)
					.retrieve()
					.body(MembersEnvelope.class);
				MembersView view = reply == null ? null : reply.data();
				if (view != null && view.memberIds() != null) {
					ownTransaction.executeWithoutResult(status -> replaceMembers(groupId, view.memberIds()));
				}
			}
			catch (HttpClientErrorException.NotFound ex) {
				return List.of();
			}
			catch (RestClientException | IllegalStateException ex) {
				throw ApiException.unavailable("Group directory is unavailable, please retry");
			}
		}
		return jdbc.sql("select user_id from group_member where group_id = ?").param(groupId).query(UUID.class).list();
	}

	void addMember(UUID groupId, UUID userId, String role) {
		jdbc.sql("""
				insert into group_member (group_id, user_id, role) values (?, ?, ?)
				on conflict (group_id, user_id) do update set role = excluded.role""")
			.params(groupId, userId, role == null ? "MEMBER" : role)
			.update();
	}

	void removeMember(UUID groupId, UUID userId) {
		jdbc.sql("delete from group_member where group_id = ? and user_id = ?").params(groupId, userId).update();
	}

	void replaceMembers(UUID groupId, List<UUID> memberIds) {
		jdbc.sql("delete from group_member where group_id = ? and not (user_id = any(?))")
			.params(groupId, memberIds.toArray(UUID[]::new))
			.update();
		jdbc.sql("""
				insert into group_member (group_id, user_id, role) select ?, unnest(?::uuid[]), 'MEMBER'
				on conflict (group_id, user_id) do nothing""")
			.params(groupId, memberIds.toArray(UUID[]::new))
			.update();
		jdbc.sql("""
				insert into known_group (group_id, complete) values (?, true)
				on conflict (group_id) do update set complete = true""").param(groupId).update();
	}

	void deleteGroup(UUID groupId) {
		jdbc.sql("delete from group_member where group_id = ?").param(groupId).update();
		jdbc.sql("""
				insert into known_group (group_id, complete, deleted) values (?, true, true)
				on conflict (group_id) do update set deleted = true""").param(groupId).update();
	}

	private boolean isDeleted(UUID groupId) {
		return jdbc.sql("select deleted from known_group where group_id = ?")
			.param(groupId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	record MemberView(UUID groupId, UUID userId, String role) {
	}

	record MembersView(UUID groupId, List<UUID> memberIds) {
	}

	/** Internal answers use the public envelope: {@code {success, data}}. */
	record MemberEnvelope(MemberView data) {
	}

	record MembersEnvelope(MembersView data) {
	}

	/** A caller's transaction would hold a pooled connection (and its locks) while the owner answers. */
	private static void outsideTransaction() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Ask the owner before opening a transaction, not inside one");
		}
	}
}
