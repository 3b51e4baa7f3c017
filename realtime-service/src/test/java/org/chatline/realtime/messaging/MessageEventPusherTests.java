package org.chatline.realtime.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.Event;
import org.chatline.message.api.MessageEvent;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.message.api.MessageEvent.MessageDeleted;
import org.chatline.message.api.MessageEvent.MessageEdited;
import org.chatline.message.api.MessageEvent.MessageSeen;
import org.chatline.message.api.MessageEvent.ReactionAdded;
import org.chatline.message.api.MessageEvent.ReactionRemoved;
import org.chatline.realtime.socket.SocketEmitter;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class MessageEventPusherTests {

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final MessageEventPusher pusher = new MessageEventPusher(emitter);

	private final UUID sender = UUID.randomUUID();

	private final UUID receiver = UUID.randomUUID();

	private final UUID messageId = UUID.randomUUID();

	@Test
	void pushesADirectMessageToTheReceiverAndConfirmsItToTheSender() {
		MessageCreated message = message(receiver, null);

		pusher.handle(event(message));

		verify(emitter).toRoom(eq("user:" + receiver), eq("message:received"),
				argThat(payload -> ((Map<?, ?>) payload).get("status").equals("DELIVERED")
						&& ((Map<?, ?>) payload).get("id").equals(message.id().toString())));
		verify(emitter).toRoom(eq("user:" + sender), eq("message:sent"),
				argThat(payload -> ((Map<?, ?>) payload).get("status").equals("SENT")));
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void pushesAGroupMessageToTheGroupRoomOnly() {
		UUID group = UUID.randomUUID();

		pusher.handle(event(message(null, group)));

		verify(emitter).toRoom(eq("group:" + group), eq("message:received"), any());
		verify(emitter, never()).toRoom(eq("user:" + sender), anyString(), any());
	}

	@Test
	void pushesAnEditToBothParticipantsOfADirectConversation() {
		Instant at = Instant.parse("2025-01-01T00:00:01Z");
		pusher.handle(event(new MessageEdited(messageId, "c", sender, receiver, null, sender, "changed", "SENT", at)));

		Map<String, Object> expected = new java.util.LinkedHashMap<>();
		expected.put("id", messageId.toString());
		expected.put("messageId", messageId.toString());
		expected.put("senderId", sender.toString());
		expected.put("receiverId", receiver.toString());
		expected.put("groupId", null);
		expected.put("content", "changed");
		expected.put("edited", true);
		expected.put("updatedAt", "2025-01-01T00:00:01Z");
		verify(emitter).toRoom("user:" + sender, "message:edit", expected);
		verify(emitter).toRoom("user:" + receiver, "message:edit", expected);
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void pushesADeleteAsMessageIdToTheGroup() {
		UUID group = UUID.randomUUID();

		pusher.handle(event(new MessageDeleted(messageId, "c", sender, null, group, sender, "SENT", Instant.now())));

		verify(emitter).toRoom("group:" + group, "message:delete", Map.of("messageId", messageId.toString()));
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void pushesTheReadersReceiptToTheConversation() {
		pusher.handle(
				event(new MessageSeen(messageId, "c", sender, receiver, null, receiver, "DELIVERED", Instant.now())));

		Map<String, Object> expected = Map.of("messageId", messageId.toString(), "userId", receiver.toString(),
				"status", "SEEN");
		verify(emitter).toRoom("user:" + sender, "message:status", expected);
		verify(emitter).toRoom("user:" + receiver, "message:status", expected);
	}

	@Test
	void pushesReactionsWithTheirAction() {
		UUID group = UUID.randomUUID();

		pusher.handle(
				event(new ReactionAdded(messageId, "c", sender, null, group, receiver, "SENT", "👍", Instant.now())));
		pusher.handle(
				event(new ReactionRemoved(messageId, "c", sender, null, group, receiver, "SENT", "👍", Instant.now())));

		verify(emitter).toRoom("group:" + group, "message:reaction", Map.of("messageId", messageId.toString(),
				"userId", receiver.toString(), "emoji", "👍", "action", "added"));
		verify(emitter).toRoom("group:" + group, "message:reaction", Map.of("messageId", messageId.toString(),
				"userId", receiver.toString(), "emoji", "👍", "action", "removed"));
	}

	private static Event<MessageEvent> event(MessageEvent message) {
		return new Event<>(UUID.randomUUID(), "Message", Instant.now(), null, message);
	}

	private MessageCreated message(UUID receiver, UUID group) {
		return new MessageCreated(UUID.randomUUID(), "c", 1, sender, receiver, group, null, "hi", "TEXT", "SENT",
				Map.of(), Instant.now());
	}
}
