package org.chatline.common.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code MessageCreated} on {@code chat.messages.v1}, keyed by conversation id ({@code dm:<a>:<b>}
 * with the two user ids in order, or {@code group:<id>}). Carries everything realtime-service needs
 * to push {@code message:received} and {@code message:sent} without calling back.
 */
public record MessageCreatedEvent(UUID id, String conversationId, long seq, UUID senderId, UUID receiverId,
		UUID groupId, UUID parentId, String content, String type, String status, Map<String, Object> metadata,
		Instant createdAt) {
}
