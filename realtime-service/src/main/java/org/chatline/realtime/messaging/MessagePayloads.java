package org.chatline.realtime.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chatline.message.api.MessageEvent.MessageChange;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.message.api.MessageEvent.MessageEdited;

/**
 * The contract's message event payloads, built from domain events. Plain maps of strings, so the
 * Socket.IO serializer (Jackson 2) writes exactly these fields: ids as strings, {@code createdAt} as
 * an ISO-8601 instant like the REST API, {@code groupId} as an explicit null for direct messages.
 */
final class MessagePayloads {

	private MessagePayloads() {
	}

	/** {@code message:received}, for the receiver (or the group). */
	static Map<String, Object> received(MessageCreated message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", string(message.id()));
		payload.put("senderId", string(message.senderId()));
		payload.put("receiverId", string(message.receiverId()));
		payload.put("groupId", string(message.groupId()));
		payload.put("content", message.content());
		payload.put("type", message.type());
		payload.put("status", "DELIVERED");
		payload.put("createdAt", iso(message.createdAt()));
		return payload;
	}

	/** {@code message:sent}, the sender's confirmation of a direct message. */
	static Map<String, Object> sent(MessageCreated message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", string(message.id()));
		payload.put("senderId", string(message.senderId()));
		payload.put("receiverId", string(message.receiverId()));
		payload.put("content", message.content());
		payload.put("type", message.type());
		payload.put("status", "SENT");
		payload.put("createdAt", iso(message.createdAt()));
		return payload;
	}

	/** {@code message:edit}: the edited message's identity and new content. */
	static Map<String, Object> edited(MessageEdited change) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", string(change.messageId()));
		payload.put("messageId", string(change.messageId()));
		payload.put("senderId", string(change.senderId()));
		payload.put("receiverId", string(change.receiverId()));
		payload.put("groupId", string(change.groupId()));
		payload.put("content", change.content());
		payload.put("edited", true);
		payload.put("updatedAt", iso(change.at()));
		return payload;
	}

	/** {@code message:delete}. */
	static Map<String, Object> deleted(MessageChange change) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("messageId", string(change.messageId()));
		return payload;
	}

	/**
	 * {@code message:status}: {@code userId} has received or seen the message. {@code status} is
	 * that user's receipt (DELIVERED / SEEN), not the message's aggregate status, which in a group
	 * may lag behind one member's receipt.
	 */
	static Map<String, Object> status(MessageChange change, String receipt) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("messageId", string(change.messageId()));
		payload.put("userId", string(change.userId()));
		payload.put("status", receipt);
		return payload;
	}

	/** {@code message:reaction}: {@code action} is {@code added} or {@code removed}. */
	static Map<String, Object> reaction(MessageChange change, String emoji, String action) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("messageId", string(change.messageId()));
		payload.put("userId", string(change.userId()));
		payload.put("emoji", emoji);
		payload.put("action", action);
		return payload;
	}

	static String iso(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}
}
