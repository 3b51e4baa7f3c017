package org.chatline.message.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL: the send path is a handful of statements in one transaction. */
@Repository
class MessageRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RowMapper<Message> rowMapper = this::map;

	MessageRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Takes the next sequence number of a conversation; the row lock orders concurrent senders. */
	long nextSeq(String conversationId) {
		return jdbc.sql("""
				insert into conversation (id, last_seq) values (?, 1)
				on conflict (id) do update set last_seq = conversation.last_seq + 1
				returning last_seq""").param(conversationId).query(Long.class).single();
	}

	void addDirectParticipants(String conversationId, UUID a, UUID b) {
		jdbc.sql("""
				insert into dm_participant (conversation_id, user_id) values (?, ?), (?, ?)
				on conflict do nothing""").params(conversationId, a, conversationId, b).update();
	}

	/**
	 * Inserts a new message with its recipients' receipts and its change-log entry in one
	 * statement: the send path's biggest cost is round trips to the database, not the rows.
	 */
	void insertNew(Message m, List<UUID> recipients) {
		jdbc.sql("""
				with inserted as (
				    insert into message (id, conversation_id, seq, sender_id, receiver_id, group_id, parent_id, content,
				        type, status, metadata, client_message_id, edited, deleted, created_at, updated_at)
				    values (:id, :conversation, :seq, :sender, :receiver, :group, :parent, :content, :type, :status,
				        cast(:metadata as jsonb), :clientId, false, false, :createdAt, :createdAt)),
				receipts as (
				    insert into message_receipt (message_id, user_id) select :id, unnest(cast(:recipients as uuid[]))),
				changes as (
				    insert into message_change (conversation_id, message_id, kind, user_id)
				    values (:conversation, :id, 'CREATED', :sender))
				select 1""")
			.param("id", m.id())
			.param("conversation", m.conversationId())
			.param("seq", m.seq())
			.param("sender", m.senderId())
			.param("receiver", m.receiverId(), Types.OTHER)
			.param("group", m.groupId(), Types.OTHER)
			.param("parent", m.parentId(), Types.OTHER)
			.param("content", m.content())
			.param("type", m.type())
			.param("status", m.status())
			.param("metadata", m.metadata() == null ? null : json.writeValueAsString(m.metadata()), Types.VARCHAR)
			.param("clientId", m.clientMessageId(), Types.VARCHAR)
			.param("createdAt", Timestamp.from(m.createdAt()))
			.param("recipients", recipients.toArray(UUID[]::new))
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes {@code counts.get(c)} sequence numbers of each conversation {@code c} at once; returns
	 * each one's last sequence number after that. Rows are locked in id order, so two writers never
	 * wait for each other in a cycle.
	 */
	Map<String, Long> takeSeqs(Map<String, Integer> counts) {
		List<String> ids = counts.keySet().stream().sorted().toList();
		Long[] ns = ids.stream().map(id -> (long) counts.get(id)).toArray(Long[]::new);
		Map<String, Long> last = new HashMap<>();
		jdbc.sql("""
				insert into conversation (id, last_seq)
				select id, n from unnest(cast(? as text[]), cast(? as bigint[])) as t(id, n) order by id
				on conflict (id) do update set last_seq = conversation.last_seq + excluded.last_seq
				returning id, last_seq""")
			.params(ids.toArray(String[]::new), ns)
			.query((rs, row) -> last.put(rs.getString(1), rs.getLong(2)))
			.list();
		return last;
	}

	/** Whether any of the senders already stored a message with the paired client message id. */
	boolean anyClientIdTaken(List<UUID> senders, List<String> clientIds) {
		return jdbc.sql("""
				select exists (select 1 from message m
				    join unnest(cast(? as uuid[]), cast(? as text[])) as t(sender, client)
				    on m.sender_id = t.sender and m.client_message_id = t.client)""")
			.params(senders.toArray(UUID[]::new), clientIds.toArray(String[]::new))
			.query(Boolean.class)
			.single();
	}

	/**
	 * {@link #insertNew} for many messages in one statement: the messages, all their recipients'
	 * receipts and their change-log entries (in list order, so a conversation's entries follow its
	 * sequence numbers).
	 */
	void insertAll(List<Message> batch, List<List<UUID>> recipients) {
		int n = batch.size();
		UUID[] ids = new UUID[n];
		String[] conversations = new String[n];
		Long[] seqs = new Long[n];
		UUID[] senders = new UUID[n];
		UUID[] receivers = new UUID[n];
		UUID[] groups = new UUID[n];
		UUID[] parents = new UUID[n];
		String[] contents = new String[n];
		String[] types = new String[n];
		String[] statuses = new String[n];
		String[] metadata = new String[n];
		String[] clientIds = new String[n];
		String[] createdAt = new String[n];
		List<UUID> receiptMessages = new ArrayList<>();
		List<UUID> receiptUsers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Message m = batch.get(i);
			ids[i] = m.id();
			conversations[i] = m.conversationId();
			seqs[i] = m.seq();
			senders[i] = m.senderId();
			receivers[i] = m.receiverId();
			groups[i] = m.groupId();
			parents[i] = m.parentId();
			contents[i] = m.content();
			types[i] = m.type();
			statuses[i] = m.status();
			metadata[i] = m.metadata() == null ? null : json.writeValueAsString(m.metadata());
			clientIds[i] = m.clientMessageId();
			createdAt[i] = m.createdAt().toString();
			for (UUID user : recipients.get(i)) {
				receiptMessages.add(m.id());
				receiptUsers.add(user);
			}
		}
		jdbc.sql("""
				with inserted as (
				    insert into message (id, conversation_id, seq, sender_id, receiver_id, group_id, parent_id, content,
				        type, status, metadata, client_message_id, edited, deleted, created_at, updated_at)
				    select id, conversation, seq, sender, receiver, grp, parent, content, type, status,
				        cast(metadata as jsonb), client, false, false, at, at
				    from unnest(cast(:ids as uuid[]), cast(:conversations as text[]), cast(:seqs as bigint[]),
				        cast(:senders as uuid[]), cast(:receivers as uuid[]), cast(:groups as uuid[]),
				        cast(:parents as uuid[]), cast(:contents as text[]), cast(:types as text[]),
				        cast(:statuses as text[]), cast(:metadata as text[]), cast(:clientIds as text[]),
				        cast(:createdAt as timestamptz[]))
				        as t(id, conversation, seq, sender, receiver, grp, parent, content, type, status, metadata,
				            client, at)),
				receipts as (
				    insert into message_receipt (message_id, user_id)
				    select * from unnest(cast(:receiptMessages as uuid[]), cast(:receiptUsers as uuid[]))),
				changes as (
				    insert into message_change (conversation_id, message_id, kind, user_id)
				    select conversation, id, 'CREATED', sender
				    from unnest(cast(:conversations as text[]), cast(:ids as uuid[]), cast(:senders as uuid[]))
				        with ordinality as c(conversation, id, sender, position)
				    order by position)
				select 1""")
			.param("ids", ids)
			.param("conversations", conversations)
			.param("seqs", seqs)
			.param("senders", senders)
			.param("receivers", receivers)
			.param("groups", groups)
			.param("parents", parents)
			.param("contents", contents)
			.param("types", types)
			.param("statuses", statuses)
			.param("metadata", metadata)
			.param("clientIds", clientIds)
			.param("createdAt", createdAt)
			.param("receiptMessages", receiptMessages.toArray(UUID[]::new))
			.param("receiptUsers", receiptUsers.toArray(UUID[]::new))
			.query(Integer.class)
			.single();
	}

	Optional<Message> findById(UUID id) {
		return jdbc.sql("select * from message where id = ?").param(id).query(rowMapper).optional();
	}

	/** The message, locked against concurrent edits, deletes and receipt updates. */
	Optional<Message> lockById(UUID id) {
		return jdbc.sql("select * from message where id = ? for update").param(id).query(rowMapper).optional();
	}

	Optional<Message> findByClientId(UUID senderId, String clientMessageId) {
		return jdbc.sql("select * from message where sender_id = ? and client_message_id = ?")
			.params(senderId, clientMessageId)
			.query(rowMapper)
			.optional();
	}

	void updateContent(UUID id, String content, Instant at) {
		jdbc.sql("update message set content = ?, edited = true, updated_at = ? where id = ?")
			.params(content, Timestamp.from(at), id)
			.update();
	}

	void tombstone(UUID id, Instant at) {
		jdbc.sql("update message set content = null, metadata = null, deleted = true, updated_at = ? where id = ?")
			.params(Timestamp.from(at), id)
			.update();
		jdbc.sql("delete from reaction where message_id = ?").param(id).update();
	}

	void updateStatus(UUID id, String status) {
		jdbc.sql("update message set status = ? where id = ?").params(status, id).update();
	}

	/**
	 * Newest first. With {@code before}, only messages older than that sequence number; with
	 * {@code after}, the oldest {@code limit} newer than it (still returned newest first).
	 */
	List<Message> history(String conversationId, Long before, Long after, int limit, long offset) {
		if (after != null) {
			List<Message> newer = new ArrayList<>(jdbc
				.sql("select * from message where conversation_id = ? and seq > ? order by seq asc limit ? offset ?")
				.params(conversationId, after, limit, offset)
				.query(rowMapper)
				.list());
			Collections.reverse(newer);
			return newer;
		}
		return jdbc
			.sql("select * from message where conversation_id = ? and seq < ? order by seq desc limit ? offset ?")
			.params(conversationId, before == null ? Long.MAX_VALUE : before, limit, offset)
			.query(rowMapper)
			.list();
	}

	long count(String conversationId, Long before, Long after) {
		return jdbc.sql("select count(*) from message where conversation_id = ? and seq < ? and seq > ?")
			.params(conversationId, before == null ? Long.MAX_VALUE : before, after == null ? 0 : after)
			.query(Long.class)
			.single();
	}

	Optional<Receipt> receipt(UUID messageId, UUID userId) {
		return jdbc.sql("select delivered_at, seen_at from message_receipt where message_id = ? and user_id = ?")
			.params(messageId, userId)
			.query((rs, row) -> new Receipt(rs.getTimestamp(1) != null, rs.getTimestamp(2) != null))
			.optional();
	}

	/** Marks delivery (and, with {@code seen}, reading); returns true when it changed anything. */
	boolean mark(UUID messageId, UUID userId, boolean seen, Instant at) {
		Timestamp now = Timestamp.from(at);
		String sql = seen
				? "update message_receipt set delivered_at = coalesce(delivered_at, ?), seen_at = ? where message_id = ? and user_id = ? and seen_at is null"
				: "update message_receipt set delivered_at = ? where message_id = ? and user_id = ? and delivered_at is null";
		return (seen ? jdbc.sql(sql).params(now, now, messageId, userId) : jdbc.sql(sql).params(now, messageId, userId))
			.update() > 0;
	}

	/** SENT, DELIVERED once any recipient has it, SEEN once every recipient has seen it. */
	String aggregateStatus(UUID messageId) {
		return jdbc.sql("""
				select case
				    when count(*) > 0 and count(*) = count(seen_at) then 'SEEN'
				    when count(delivered_at) > 0 then 'DELIVERED'
				    else 'SENT' end
				from message_receipt where message_id = ?""").param(messageId).query(String.class).single();
	}

	boolean addReaction(UUID messageId, UUID userId, String emoji) {
		return jdbc.sql("insert into reaction (message_id, user_id, emoji) values (?, ?, ?) on conflict do nothing")
			.params(messageId, userId, emoji)
			.update() > 0;
	}

	long reactionsOf(UUID messageId, UUID userId) {
		return jdbc.sql("select count(*) from reaction where message_id = ? and user_id = ?")
			.params(messageId, userId)
			.query(Long.class)
			.single();
	}

	boolean hasReaction(UUID messageId, UUID userId, String emoji) {
		return jdbc.sql("select exists (select 1 from reaction where message_id = ? and user_id = ? and emoji = ?)")
			.params(messageId, userId, emoji)
			.query(Boolean.class)
			.single();
	}

	boolean removeReaction(UUID messageId, UUID userId, String emoji) {
		return jdbc.sql("delete from reaction where message_id = ? and user_id = ? and emoji = ?")
			.params(messageId, userId, emoji)
			.update() > 0;
	}

	record Receipt(boolean delivered, boolean seen) {
	}

	Message map(ResultSet rs, int row) throws SQLException {
		String metadata = rs.getString("metadata");
		return new Message(rs.getObject("id", UUID.class), rs.getString("conversation_id"), rs.getLong("seq"),
				rs.getObject("sender_id", UUID.class), rs.getObject("receiver_id", UUID.class),
				rs.getObject("group_id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("content"),
				rs.getString("type"), rs.getString("status"), metadata == null ? null : json.readValue(metadata, MAP),
				rs.getString("client_message_id"), rs.getBoolean("edited"), rs.getBoolean("deleted"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
