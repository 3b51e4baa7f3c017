package org.chatline.attachment.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What a message carries about one attachment: in the {@code data} of the claim answer, and the
 * public {@code GET /api/v1/attachments/{id}}. {@code kind} is IMAGE, VIDEO, VOICE or FILE (the
 * message types); {@code contentType} is the type sniffed from the bytes; {@code width},
 * {@code height} and {@code thumbnail} only for images once their thumbnail is made.
 */
public record AttachmentMetadata(UUID id, String fileName, String contentType, String kind, long size,
		String status, Integer width, Integer height, boolean thumbnail, UUID uploaderId, UUID receiverId,
		UUID groupId, UUID messageId, Instant createdAt) {
}
