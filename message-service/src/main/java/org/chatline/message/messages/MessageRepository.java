package org.chatline.message.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL on the hot path: one statement to take a sequence number, one to insert. */
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

	void insert(Message m) {
		jdbc.sql("""
				insert into message (id, conversation_id, seq, sender_id, receiver_id, group_id, parent_id, content, type,
				    status, metadata, client_message_id, edited, deleted, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""")
			.params(m.id(), m.conversationId(), m.seq(), m.senderId(), m.receiverId(), m.groupId(), m.parentId(),
					m.content(), m.type(), m.status(), m.metadata() == null ? null : json.writeValueAsString(m.metadata()),
					m.clientMessageId(), m.edited(), m.deleted(), Timestamp.from(m.createdAt()),
					Timestamp.from(m.updatedAt()))
			.update();
	}

	Optional<Message> findById(UUID id) {
		return jdbc.sql("select * from message where id = ?").param(id).query(rowMapper).optional();
	}

	Optional<Message> findByClientId(UUID senderId, String clientMessageId) {
		return jdbc.sql("select * from message where sender_id = ? and client_message_id = ?")
			.params(senderId, clientMessageId)
			.query(rowMapper)
			.optional();
	}

	List<Message> history(String conversationId, int limit, long offset) {
		return jdbc.sql("select * from message where conversation_id = ? order by seq desc limit ? offset ?")
			.params(conversationId, limit, offset)
			.query(rowMapper)
			.list();
	}

	long count(String conversationId) {
		return jdbc.sql("select count(*) from message where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.single();
	}

	private Message map(ResultSet rs, int row) throws SQLException {
		String metadata = rs.getString("metadata");
		return new Message(rs.getObject("id", UUID.class), rs.getString("conversation_id"), rs.getLong("seq"),
				rs.getObject("sender_id", UUID.class), rs.getObject("receiver_id", UUID.class),
				rs.getObject("group_id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("content"),
				rs.getString("type"), rs.getString("status"), metadata == null ? null : json.readValue(metadata, MAP),
				rs.getString("client_message_id"), rs.getBoolean("edited"), rs.getBoolean("deleted"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
