package org.chatline.realtime.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.MessageCreatedEvent;

/**
 * The contract's message event payloads, built from domain events. Plain maps of strings, so the
 * Socket.IO serializer (Jackson 2) writes exactly these fields: ids as strings, {@code createdAt} as
 * an ISO-8601 instant like the REST API, {@code groupId} as an explicit null for direct messages.
 */
final class MessagePayloads {

	private MessagePayloads() {
	}

	/** {@code message:received}, for the receiver (or the group). */
	static Map<String, Object> received(MessageCreatedEvent message) {
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
	static Map<String, Object> sent(MessageCreatedEvent message) {
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

	static String iso(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}
}
