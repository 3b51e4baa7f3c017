package org.chatline.message.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chatline.common.outbox.OutboxWriter;
import org.chatline.message.api.MessageEvent.MessageChange;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.message.api.MessageEvent.MessageDeleted;
import org.chatline.message.api.MessageEvent.MessageDelivered;
import org.chatline.message.api.MessageEvent.MessageEdited;
import org.chatline.message.api.MessageEvent.MessageSeen;
import org.chatline.message.api.MessageEvent.ReactionAdded;
import org.chatline.message.api.MessageEvent.ReactionRemoved;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records every change twice, in the caller's transaction: in the change log that
 * {@code GET /messages/sync} reads, and as an event in the outbox for realtime-service, keyed by
 * conversation. (A new message's change-log entry is written together with the message, in
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
		outbox.append(m.conversationId(), m.senderId(), createdEvent(m));
	}

	/** {@link #created} for a batch of new messages, in one round trip. */
	void createdAll(List<Message> batch) {
		outbox.appendAll(batch.stream().map(m -> new OutboxWriter.Entry(m.conversationId(), m.senderId(), createdEvent(m))).toList());
	}

	private static MessageCreated createdEvent(Message m) {
		return new MessageCreated(m.id(), m.conversationId(), m.seq(), m.senderId(), m.receiverId(), m.groupId(),
				m.parentId(), m.content(), m.type(), m.status(), m.metadata(), m.createdAt());
	}

	void edited(Message m, UUID userId, String content, Instant at) {
		changed("EDITED", new MessageEdited(m.id(), m.conversationId(), m.senderId(), m.receiverId(), m.groupId(),
				userId, content, m.status(), at), null);
	}

	void deleted(Message m, UUID userId, Instant at) {
		changed("DELETED", new MessageDeleted(m.id(), m.conversationId(), m.senderId(), m.receiverId(), m.groupId(),
				userId, m.status(), at), null);
	}

	/** A delivery or read receipt; {@code status} is the message's aggregate status after it. */
	void receipt(Message m, UUID userId, boolean seen, String status, Instant at) {
		if (seen) {
			changed("SEEN", new MessageSeen(m.id(), m.conversationId(), m.senderId(), m.receiverId(), m.groupId(),
					userId, status, at), null);
		}
		else {
			changed("DELIVERED", new MessageDelivered(m.id(), m.conversationId(), m.senderId(), m.receiverId(),
					m.groupId(), userId, status, at), null);
		}
	}

	void reaction(Message m, UUID userId, boolean added, String emoji, Instant at) {
		if (added) {
			changed("REACTION_ADDED", new ReactionAdded(m.id(), m.conversationId(), m.senderId(), m.receiverId(),
					m.groupId(), userId, m.status(), emoji, at), emoji);
		}
		else {
			changed("REACTION_REMOVED", new ReactionRemoved(m.id(), m.conversationId(), m.senderId(),
					m.receiverId(), m.groupId(), userId, m.status(), emoji, at), emoji);
		}
	}

	/** {@code kind}: the change-log kind that {@code GET /messages/sync} reports. */
	private void changed(String kind, MessageChange change, String emoji) {
		jdbc.sql("insert into message_change (conversation_id, message_id, kind, user_id, emoji) values (?, ?, ?, ?, ?)")
			.params(change.conversationId(), change.messageId(), kind, change.userId(), emoji)
			.update();
		outbox.append(change.conversationId(), change.userId(), change);
	}
}
