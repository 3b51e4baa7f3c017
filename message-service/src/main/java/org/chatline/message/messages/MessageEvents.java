package org.chatline.message.messages;

import java.time.Instant;
import java.util.UUID;

import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageChangedEvent;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.common.events.Topics;
import org.chatline.common.outbox.OutboxWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every change twice, in the caller's transaction: in the change log that
 * {@code GET /messages/sync} reads, and as an event in the outbox for realtime-service. (A new
 * message's change-log entry is written together with the message, in
 * {@link MessageRepository#insertNew}.)
 */
@Component
class MessageEvents {

	private final JdbcClient jdbc;

	private final OutboxWriter outbox;

	MessageEvents(JdbcClient jdbc, OutboxWriter outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void created(Message m) {
		outbox.append(Topics.MESSAGES, m.conversationId(), EventTypes.MESSAGE_CREATED, m.senderId(),
				new MessageCreatedEvent(m.id(), m.conversationId(), m.seq(), m.senderId(), m.receiverId(), m.groupId(),
						m.parentId(), m.content(), m.type(), m.status(), m.metadata(), m.createdAt()));
	}

	/** An edit, delete, receipt or reaction: {@code type} is the event type, {@code kind} the change-log kind. */
	void changed(String type, Message m, UUID userId, String content, String status, String emoji, Instant at) {
		log(m, kind(type), userId, emoji);
		outbox.append(Topics.MESSAGES, m.conversationId(), type, userId, new MessageChangedEvent(m.id(),
				m.conversationId(), m.senderId(), m.receiverId(), m.groupId(), userId, content, status, emoji, at));
	}

	private void log(Message m, String kind, UUID userId, String emoji) {
		jdbc.sql("insert into message_change (conversation_id, message_id, kind, user_id, emoji) values (?, ?, ?, ?, ?)")
			.params(m.conversationId(), m.id(), kind, userId, emoji)
			.update();
	}

	static String kind(String type) {
		return switch (type) {
			case EventTypes.MESSAGE_EDITED -> "EDITED";
			case EventTypes.MESSAGE_DELETED -> "DELETED";
			case EventTypes.MESSAGE_DELIVERED -> "DELIVERED";
			case EventTypes.MESSAGE_SEEN -> "SEEN";
			case EventTypes.REACTION_ADDED -> "REACTION_ADDED";
			case EventTypes.REACTION_REMOVED -> "REACTION_REMOVED";
			default -> throw new IllegalArgumentException("Not a message change: " + type);
		};
	}
}
