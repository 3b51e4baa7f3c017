package org.chatline.realtime.messaging;

import java.util.Map;

import org.chatline.common.events.Event;
import org.chatline.message.api.MessageEvent;
import org.chatline.message.api.MessageEvent.MessageChange;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.message.api.MessageEvent.MessageDeleted;
import org.chatline.message.api.MessageEvent.MessageDelivered;
import org.chatline.message.api.MessageEvent.MessageEdited;
import org.chatline.message.api.MessageEvent.MessageSeen;
import org.chatline.message.api.MessageEvent.ReactionAdded;
import org.chatline.message.api.MessageEvent.ReactionRemoved;
import org.chatline.realtime.events.DomainEventHandler;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;

import org.springframework.stereotype.Component;

/**
 * Pushes message events from {@code chat.messages.v1} to the conversation's rooms: a group's room,
 * or both participants' user rooms of a direct conversation (so the actor's other devices follow).
 */
@Component
class MessageEventPusher implements DomainEventHandler<MessageEvent> {

	static final String RECEIVED = "message:received";

	static final String SENT = "message:sent";

	static final String EDITED = "message:edit";

	static final String DELETED = "message:delete";

	static final String STATUS = "message:status";

	static final String REACTION = "message:reaction";

	private final SocketEmitter emitter;

	MessageEventPusher(SocketEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public Class<MessageEvent> payloadType() {
		return MessageEvent.class;
	}

	@Override
	public void handle(Event<MessageEvent> event) {
		MessageEvent message = event.payload();
		if (message instanceof MessageCreated created) {
			created(created);
		}
		else if (message instanceof MessageEdited edited) {
			toConversation(edited, EDITED, MessagePayloads.edited(edited));
		}
		else if (message instanceof MessageDeleted deleted) {
			toConversation(deleted, DELETED, MessagePayloads.deleted(deleted));
		}
		else if (message instanceof MessageDelivered delivered) {
			toConversation(delivered, STATUS, MessagePayloads.status(delivered, "DELIVERED"));
		}
		else if (message instanceof MessageSeen seen) {
			toConversation(seen, STATUS, MessagePayloads.status(seen, "SEEN"));
		}
		else if (message instanceof ReactionAdded added) {
			toConversation(added, REACTION, MessagePayloads.reaction(added, added.emoji(), "added"));
		}
		else if (message instanceof ReactionRemoved removed) {
			toConversation(removed, REACTION, MessagePayloads.reaction(removed, removed.emoji(), "removed"));
		}
	}

	private void created(MessageCreated message) {
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
	private void toConversation(MessageChange change, String event, Map<String, Object> body) {
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
