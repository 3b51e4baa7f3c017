package org.chatline.attachment.attachments;

import java.time.Instant;
import java.util.UUID;

import org.chatline.attachment.api.AttachmentMetadata;

/** One attachment, as stored. */
record Attachment(UUID id, UUID uploaderId, UUID receiverId, UUID groupId, String fileName, String contentType,
		String kind, long declaredSize, Long size, Status status, Integer width, Integer height, Thumbnail thumbnail,
		UUID messageId, Instant createdAt, Instant expiresAt) {

	enum Status {
		/** Created, waiting for its bytes. */
		PENDING,
		/** Its bytes are arriving or being checked. */
		UPLOADING,
		/** Checked and stored: may be downloaded and used in a message. */
		READY,
		/** Never completed; the sweep is removing it. */
		EXPIRED
	}

	enum Thumbnail {
		NONE, PENDING, READY, FAILED
	}

	String contentKey() {
		return id.toString();
	}

	String thumbnailKey() {
		return thumbnailKey(id);
	}

	static String thumbnailKey(UUID id) {
		return id + ".thumb";
	}

	boolean isImage() {
		return "IMAGE".equals(kind);
	}

	AttachmentMetadata metadata() {
		return new AttachmentMetadata(id, fileName, contentType, kind, size == null ? declaredSize : size,
				status.name(), width, height, thumbnail == Thumbnail.READY, uploaderId, receiverId, groupId, messageId,
				createdAt);
	}
}
