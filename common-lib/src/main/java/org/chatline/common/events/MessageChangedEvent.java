package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every change to an existing message on {@code chat.messages.v1}, keyed by conversation id:
 * {@code MessageEdited}, {@code MessageDeleted}, {@code MessageDelivered}, {@code MessageSeen},
 * {@code ReactionAdded}, {@code ReactionRemoved}. {@code userId} is who made the change (editor,
 * recipient marking, reactor); {@code status} is the message's aggregate status after it;
 * {@code emoji} is set for reactions; {@code content} for edits.
 */
public record MessageChangedEvent(UUID messageId, String conversationId, UUID senderId, UUID receiverId,
		UUID groupId, UUID userId, String content, String status, String emoji, Instant at) {
}
