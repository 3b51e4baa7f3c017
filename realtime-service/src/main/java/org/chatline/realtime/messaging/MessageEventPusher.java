package org.chatline.realtime.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/** Pushes message events from {@code chat.messages.v1} to the conversation's rooms. */
@Component
class MessageEventPusher implements DomainEventHandler {

	static final String RECEIVED = "message:received";

	static final String SENT = "message:sent";

	static final String EDITED = "message:edit";

	static final String DELETED = "message:delete";

	private final EventCodec codec;

	private final SocketEmitter emitter;

	MessageEventPusher(EventCodec codec, SocketEmitter emitter) {
		this.codec = codec;
		this.emitter = emitter;
	}

	@Override
	public Set<String> types() {
		return Set.of(EventTypes.MESSAGE_CREATED, EventTypes.MESSAGE_EDITED, EventTypes.MESSAGE_DELETED);
	}

	@Override
	public void handle(EventEnvelope event) {
		switch (event.type()) {
			case EventTypes.MESSAGE_CREATED -> created(codec.payload(event, MessageCreatedEvent.class));
			case EventTypes.MESSAGE_EDITED -> toConversation(event.payload(), EDITED, edited(event.payload()));
			case EventTypes.MESSAGE_DELETED -> toConversation(event.payload(), DELETED,
					Map.of("messageId", messageId(event.payload())));
			default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
		}
	}

	private void created(MessageCreatedEvent message) {
		if (message.groupId() != null) {
			emitter.toRoom(Rooms.group(message.groupId()), RECEIVED, MessagePayloads.received(message));
			return;
		}
		if (message.receiverId() != null) {
			emitter.toRoom(Rooms.user(message.receiverId()), RECEIVED, MessagePayloads.received(message));
		}
		emitter.toRoom(Rooms.user(message.senderId()), SENT, MessagePayloads.sent(message));
	}

	/**
	 * There is no payload record for edits and deletes in common-lib yet, so these read the fields
	 * message-service is expected to send ({@code id} or {@code messageId}, {@code senderId},
	 * {@code receiverId}, {@code groupId}, {@code content}, {@code updatedAt}) and pass on only those.
	 */
	private static Map<String, Object> edited(JsonNode payload) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", messageId(payload));
		message.put("senderId", text(payload, "senderId"));
		message.put("receiverId", text(payload, "receiverId"));
		message.put("groupId", text(payload, "groupId"));
		message.put("content", text(payload, "content"));
		message.put("updatedAt", text(payload, "updatedAt"));
		return message;
	}

	/** To the group's room, or to both participants' rooms of a direct conversation. */
	private void toConversation(JsonNode payload, String event, Map<String, Object> body) {
		String group = text(payload, "groupId");
		if (group != null) {
			emitter.toRoom(Rooms.group(UUID.fromString(group)), event, body);
			return;
		}
		for (String participant : new String[] { text(payload, "senderId"), text(payload, "receiverId") }) {
			if (participant != null) {
				emitter.toRoom(Rooms.user(UUID.fromString(participant)), event, body);
			}
		}
	}

	private static String messageId(JsonNode payload) {
		String id = text(payload, "messageId");
		return id != null ? id : text(payload, "id");
	}

	private static String text(JsonNode payload, String field) {
		JsonNode value = payload == null ? null : payload.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
