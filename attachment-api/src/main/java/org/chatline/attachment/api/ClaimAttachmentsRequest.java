package org.chatline.attachment.api;

import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /internal/attachments/claim} (message-service only): the attachments one
 * message carries. Exactly one of {@code receiverId} (a direct message) and {@code groupId} names
 * the message's conversation; every attachment must be READY, uploaded by {@code senderId} for that
 * same conversation, and not yet claimed by another message. A repeated claim by the same message
 * is answered like the first (a retried send).
 */
public record ClaimAttachmentsRequest(UUID messageId, UUID senderId, UUID receiverId, UUID groupId,
		List<UUID> attachmentIds) {
}
