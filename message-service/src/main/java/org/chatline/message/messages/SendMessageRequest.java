package org.chatline.message.messages;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /messages} and of the socket's {@code message:send}. */
public record SendMessageRequest(
		@NotNull(message = "is required") @Size(min = 1, max = 5000, message = "must be 1-5000 characters") String content,
		@Pattern(regexp = "TEXT|IMAGE|FILE|VOICE|VIDEO", message = "must be one of TEXT, IMAGE, FILE, VOICE, VIDEO") String type,
		UUID receiverId, UUID groupId, UUID parentId, Map<String, Object> metadata,
		@Size(max = 100, message = "must be at most 100 characters") String clientMessageId) {

	String typeOrDefault() {
		return type == null ? "TEXT" : type;
	}
}
