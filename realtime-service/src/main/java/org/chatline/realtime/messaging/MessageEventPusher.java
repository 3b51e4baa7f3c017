package org.chatline.realtime.messaging;

import java.util.Map;
import java.util.Set;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageChangedEvent;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.stereotype.Component;

/**
 * Pushes message events from {@code chat.messages.v1} to the conversation's rooms: a group's room,
 * or both participants' user rooms of a direct conversation (so the actor's other devices follow).
 */
@Component
class MessageEventPusher implements DomainEventHandler {

	static final String RECEIVED = "message:received";

	static final String SENT = "message:sent";

	static final String EDITED = "message:edit";

	static final String DELETED = "message:delete";

	static final String STATUS = "message:status";

	static final String REACTION = "message:reaction";

	private final EventCodec codec;

	private final SocketEmitter emitter;

	MessageEventPusher(EventCodec codec, SocketEmitter emitter) {
		this.codec = codec;
		this.emitter = emitter;
	}

	@Override
	public Set<String> types() {
		return Set.of(EventTypes.MESSAGE_CREATED, EventTypes.MESSAGE_EDITED, EventTypes.MESSAGE_DELETED,
				EventTypes.MESSAGE_DELIVERED, EventTypes.MESSAGE_SEEN, EventTypes.REACTION_ADDED,
				EventTypes.REACTION_REMOVED);
	}

	@Override
	public void handle(EventEnvelope event) {
		if (EventTypes.MESSAGE_CREATED.equals(event.type())) {
			created(codec.payload(event, MessageCreatedEvent.class));
			return;
		}
		MessageChangedEvent change = codec.payload(event, MessageChangedEvent.class);
		switch (event.type()) {
			case EventTypes.MESSAGE_EDITED -> toConversation(change, EDITED, MessagePayloads.edited(change));
			case EventTypes.MESSAGE_DELETED -> toConversation(change, DELETED, MessagePayloads.deleted(change));
			case EventTypes.MESSAGE_DELIVERED -> toConversation(change, STATUS, MessagePayloads.status(change, "DELIVERED"));
			case EventTypes.MESSAGE_SEEN -> toConversation(change, STATUS, MessagePayloads.status(change, "SEEN"));
			case EventTypes.REACTION_ADDED -> toConversation(change, REACTION, MessagePayloads.reaction(change, "added"));
			case EventTypes.REACTION_REMOVED ->
				toConversation(change, REACTION, MessagePayloads.reaction(change, "removed"));
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
	 * To the group's room, or to both participants' rooms of a direct conversation. Receipts go to
	 * the whole conversation too, not only to the sender: the reader's other devices clear their
	 * unread state from the same event.
	 */
	private void toConversation(MessageChangedEvent change, String event, Map<String, Object> body) {
		if (change.groupId() != null) {
			emitter.toRoom(Rooms.group(change.groupId()), event, body);
			return;
		}
		if (change.senderId() != null) {
			emitter.toRoom(Rooms.user(change.senderId()), event, body);
		}
		if (change.receiverId() != null && !change.receiverId().equals(change.senderId())) {
			emitter.toRoom(Rooms.user(change.receiverId()), event, body);
		}
	}
}
