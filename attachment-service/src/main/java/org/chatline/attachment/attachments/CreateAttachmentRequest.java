package org.chatline.attachment.attachments;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/attachments}. The conversation is named as in {@code POST /messages}: exactly
 * one of {@code receiverId} (a direct conversation with that user) and {@code groupId}.
 */
record CreateAttachmentRequest(@NotBlank @Size(max = 1000) String fileName,
		@NotBlank @Size(max = 255) String contentType, @NotNull @Positive Long size, UUID receiverId, UUID groupId) {

	@AssertTrue(message = "exactly one of receiverId and groupId is required")
	boolean isOneConversation() {
		return (receiverId == null) != (groupId == null);
	}
}
