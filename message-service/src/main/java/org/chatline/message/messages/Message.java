package org.chatline.message.messages;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored message. {@code seq} orders the messages of one conversation. */
record Message(UUID id, String conversationId, long seq, UUID senderId, UUID receiverId, UUID groupId, UUID parentId,
		String content, String type, String status, Map<String, Object> metadata, String clientMessageId,
		boolean edited, boolean deleted, Instant createdAt, Instant updatedAt) {

	boolean isDirect() {
		return groupId == null;
	}

	static String directConversation(UUID a, UUID b) {
		return a.compareTo(b) < 0 ? "dm:" + a + ":" + b : "dm:" + b + ":" + a;
	}

	static String groupConversation(UUID groupId) {
		return "group:" + groupId;
	}
}
