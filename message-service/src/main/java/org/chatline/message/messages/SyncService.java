package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatline.common.api.DomainException;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catch-up for clients that were offline: every change in the caller's conversations after a
 * cursor. Changes are ordered by writing transaction id, and only transactions older than every
 * still-running one are returned, so a slow transaction can never commit "behind" a cursor.
 */
@Service
class SyncService {

	private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

	private final JdbcClient jdbc;

	private final MessageRepository messages;

	SyncService(JdbcClient jdbc, MessageRepository messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	record Change(String cursor, String kind, String conversationId, UUID messageId, UUID userId, String emoji,
			MessageResponse message) {
	}

	record SyncPage(List<Change> changes, String nextCursor, boolean hasMore) {
	}

	@Transactional(readOnly = true)
	public SyncPage since(AuthenticatedUser caller, String since, int limit) {
		String cursor = since == null || since.isBlank() ? "0-0" : since;
		Matcher matcher = CURSOR.matcher(cursor);
		if (!matcher.matches()) {
			throw DomainException.invalid("since: not a sync cursor");
		}
		long tx;
		long id;
		try {
			tx = Long.parseLong(matcher.group(1));
			id = Long.parseLong(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			// 19 digits can still be beyond a long; no cursor this service hands out is.
			throw DomainException.invalid("since: not a sync cursor");
		}
		List<Change> changes = new ArrayList<>(jdbc.sql("""
				with mine as (
				    select conversation_id from dm_participant where user_id = :me
				    union all
				    select 'group:' || group_id from group_member where user_id = :me)
				select c.id as change_id, c.tx_id::text as change_tx, c.kind as change_kind, c.user_id as change_user,
				       c.emoji as change_emoji, m.*
				from message_change c join message m on m.id = c.message_id
				where c.conversation_id in (select conversation_id from mine)
				  and (c.tx_id, c.id) > (cast(:tx as text)::xid8, :id)
				  and c.tx_id < pg_snapshot_xmin(pg_current_snapshot())
				order by c.tx_id, c.id
				limit :limit""")
			.param("me", caller.id())
			.param("tx", Long.toString(tx))
			.param("id", id)
			.param("limit", limit + 1)
			.query((rs, row) -> new Change(rs.getString("change_tx") + "-" + rs.getLong("change_id"),
					rs.getString("change_kind"), rs.getString("conversation_id"), rs.getObject("id", UUID.class),
					rs.getObject("change_user", UUID.class), rs.getString("change_emoji"),
					MessageResponse.of(messages.map(rs, row))))
			.list());
		boolean hasMore = changes.size() > limit;
		if (hasMore) {
			changes.remove(changes.size() - 1);
		}
		String next = changes.isEmpty() ? cursor : changes.get(changes.size() - 1).cursor();
		return new SyncPage(changes, next, hasMore);
	}
}
