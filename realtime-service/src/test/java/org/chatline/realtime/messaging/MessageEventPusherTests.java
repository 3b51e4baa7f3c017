package org.chatline.realtime.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.MessageCreatedEvent;
import org.chatline.realtime.socket.SocketEmitter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class MessageEventPusherTests {

	private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

	private final SocketEmitter emitter = mock(SocketEmitter.class);

	private final MessageEventPusher pusher = new MessageEventPusher(codec, emitter);

	private final UUID sender = UUID.randomUUID();

	@Test
	void pushesADirectMessageToTheReceiverAndConfirmsItToTheSender() {
		UUID receiver = UUID.randomUUID();
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
		verify(emitter, org.mockito.Mockito.never()).toRoom(eq("user:" + sender), anyString(), any());
	}

	@Test
	void pushesAnEditToBothParticipantsOfADirectConversation() {
		UUID receiver = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		Map<String, Object> edit = new java.util.HashMap<>(Map.of("id", id.toString(), "senderId", sender.toString(),
				"receiverId", receiver.toString(), "content", "changed", "updatedAt", "2025-01-01T00:00:01Z"));

		pusher.handle(codec.envelope(EventTypes.MESSAGE_EDITED, sender, edit));

		verify(emitter).toRoom(eq("user:" + sender), eq("message:edit"),
				argThat(payload -> ((Map<?, ?>) payload).get("content").equals("changed")));
		verify(emitter).toRoom(eq("user:" + receiver), eq("message:edit"), any());
	}

	@Test
	void pushesADeleteAsMessageIdToTheGroup() {
		UUID group = UUID.randomUUID();
		UUID id = UUID.randomUUID();

		pusher.handle(codec.envelope(EventTypes.MESSAGE_DELETED, sender,
				Map.of("messageId", id.toString(), "senderId", sender.toString(), "groupId", group.toString())));

		verify(emitter).toRoom("group:" + group, "message:delete", Map.of("messageId", id.toString()));
		verifyNoMoreInteractions(emitter);
	}

	private MessageCreatedEvent message(UUID receiver, UUID group) {
		return new MessageCreatedEvent(UUID.randomUUID(), "c", 1, sender, receiver, group, null, "hi", "TEXT", "SENT",
				Map.of(), Instant.now());
	}
}
