package org.chatline.message.messages;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message as clients see it: the contract's fields plus seq, parentId, metadata and edit state.
 * A deleted message is a tombstone: content and metadata are gone, {@code deleted} is true.
 */
public record MessageResponse(UUID id, long seq, UUID senderId, UUID receiverId, UUID groupId, UUID parentId,
		String content, String type, String status, Map<String, Object> metadata, boolean edited, boolean deleted,
		Instant createdAt, Instant updatedAt) {

	static MessageResponse of(Message m) {
		return new MessageResponse(m.id(), m.seq(), m.senderId(), m.receiverId(), m.groupId(), m.parentId(),
				m.deleted() ? null : m.content(), m.type(), m.status(), m.deleted() ? null : m.metadata(), m.edited(),
				m.deleted(), m.createdAt(), m.updatedAt());
	}
}
