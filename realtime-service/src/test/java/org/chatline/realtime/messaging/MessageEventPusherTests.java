package org.chatline.realtime.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageChangedEvent;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.realtime.socket.SocketEmitter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class MessageEventPusherTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final MessageEventPusher pusher = new MessageEventPusher(codec, emitter);

	private final UUID sender = UUID.randomUUID();

	private final UUID receiver = UUID.randomUUID();

	private final UUID messageId = UUID.randomUUID();

	@Test
	void pushesADirectMessageToTheReceiverAndConfirmsItToTheSender() {
		MessageCreatedEvent message = message(receiver, null);

		pusher.handle(codec.envelope(EventTypes.MESSAGE_CREATED, sender, message));

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

		pusher.handle(codec.envelope(EventTypes.MESSAGE_CREATED, sender, message(null, group)));

		verify(emitter).toRoom(eq("group:" + group), eq("message:received"), any());
		verify(emitter, never()).toRoom(eq("user:" + sender), anyString(), any());
	}

	@Test
	void pushesAnEditToBothParticipantsOfADirectConversation() {
		Instant at = Instant.parse("2025-01-01T00:00:01Z");
		MessageChangedEvent edit = change(null, sender, "changed", "SENT", null, at);

		pusher.handle(codec.envelope(EventTypes.MESSAGE_EDITED, sender, edit));

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

		pusher.handle(codec.envelope(EventTypes.MESSAGE_DELETED, sender,
				change(group, sender, null, "SENT", null, Instant.now())));

		verify(emitter).toRoom("group:" + group, "message:delete", Map.of("messageId", messageId.toString()));
		verifyNoMoreInteractions(emitter);
	}

	@Test
	void pushesTheReadersReceiptToTheConversation() {
		pusher.handle(codec.envelope(EventTypes.MESSAGE_SEEN, receiver,
				change(null, receiver, null, "DELIVERED", null, Instant.now())));

		Map<String, Object> expected = Map.of("messageId", messageId.toString(), "userId", receiver.toString(),
				"status", "SEEN");
		verify(emitter).toRoom("user:" + sender, "message:status", expected);
		verify(emitter).toRoom("user:" + receiver, "message:status", expected);
	}

	@Test
	void pushesReactionsWithTheirAction() {
		UUID group = UUID.randomUUID();

		pusher.handle(codec.envelope(EventTypes.REACTION_ADDED, receiver,
				change(group, receiver, null, "SENT", "👍", Instant.now())));
		pusher.handle(codec.envelope(EventTypes.REACTION_REMOVED, receiver,
				change(group, receiver, null, "SENT", "👍", Instant.now())));

		verify(emitter).toRoom("group:" + group, "message:reaction", Map.of("messageId", messageId.toString(),
				"userId", receiver.toString(), "emoji", "👍", "action", "added"));
		verify(emitter).toRoom("group:" + group, "message:reaction", Map.of("messageId", messageId.toString(),
				"userId", receiver.toString(), "emoji", "👍", "action", "removed"));
	}

	private MessageChangedEvent change(UUID group, UUID actor, String content, String status, String emoji,
			Instant at) {
		return new MessageChangedEvent(messageId, "c", sender, group == null ? receiver : null, group, actor, content,
				status, emoji, at);
	}

	private MessageCreatedEvent message(UUID receiver, UUID group) {
		return new MessageCreatedEvent(UUID.randomUUID(), "c", 1, sender, receiver, group, null, "hi", "TEXT", "SENT",
				Map.of(), Instant.now());
	}
}
