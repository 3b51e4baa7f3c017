package org.chatline.message.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The events on {@code chat.messages.v1}, keyed by conversation id ({@code dm:<a>:<b>} with the two
 * user ids in order, or {@code group:<id>}). Each says where the message lives (a group, or a
 * sender and a receiver), so realtime-service pushes it without calling back. The envelope's
 * {@code type} is the record's {@link JsonTypeName}; the payload is the record.
 */
public sealed interface MessageEvent {

	String TOPIC = "chat.messages.v1";

	String conversationId();

	UUID senderId();

	UUID receiverId();

	UUID groupId();

	@JsonTypeName("MessageCreated")
	record MessageCreated(UUID id, String conversationId, long seq, UUID senderId, UUID receiverId, UUID groupId,
			UUID parentId, String content, String type, String status, Map<String, Object> metadata,
			Instant createdAt) implements MessageEvent {
	}

	/**
	 * A change to an existing message: {@code userId} made it (editor, deleter, reader, reactor),
	 * {@code status} is the message's aggregate status afterwards, {@code at} when.
	 */
	sealed interface MessageChange extends MessageEvent {

		UUID messageId();

		UUID userId();

		String status();

		Instant at();
	}

	@JsonTypeName("MessageEdited")
	record MessageEdited(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String content, String status, Instant at) implements MessageChange {
	}

	@JsonTypeName("MessageDeleted")
	record MessageDeleted(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String status, Instant at) implements MessageChange {
	}

	@JsonTypeName("MessageDelivered")
	record MessageDelivered(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String status, Instant at) implements MessageChange {
	}

	@JsonTypeName("MessageSeen")
	record MessageSeen(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String status, Instant at) implements MessageChange {
	}

	@JsonTypeName("ReactionAdded")
	record ReactionAdded(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String status, String emoji, Instant at) implements MessageChange {
	}

	@JsonTypeName("ReactionRemoved")
	record ReactionRemoved(UUID messageId, String conversationId, UUID senderId, UUID receiverId, UUID groupId,
			UUID userId, String status, String emoji, Instant at) implements MessageChange {
	}
}
