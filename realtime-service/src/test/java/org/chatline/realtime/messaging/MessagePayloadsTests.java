package org.chatline.realtime.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.chatline.message.api.MessageEvent.MessageCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagePayloadsTests {

	private final UUID sender = UUID.randomUUID();

	private final UUID receiver = UUID.randomUUID();

	private final MessageCreated direct = new MessageCreated(UUID.randomUUID(), "dm:x:y", 7, sender,
			receiver, null, null, "Hello!", "TEXT", "SENT", Map.of("k", "v"), Instant.parse("2025-01-01T00:00:00.123456Z"));

	@Test
	void receivedCarriesTheContractFieldsAsDelivered() {
		Map<String, Object> payload = MessagePayloads.received(direct);

		assertThat(payload.keySet()).containsExactly("id", "senderId", "receiverId", "groupId", "content", "type",
				"status", "createdAt");
		assertThat(payload).containsEntry("id", direct.id().toString())
			.containsEntry("senderId", sender.toString())
			.containsEntry("receiverId", receiver.toString())
			.containsEntry("groupId", null)
			.containsEntry("content", "Hello!")
			.containsEntry("type", "TEXT")
			.containsEntry("status", "DELIVERED")
			.containsEntry("createdAt", "2025-01-01T00:00:00.123456Z");
	}

	@Test
	void sentCarriesTheContractFieldsAsSentWithoutGroup() {
		Map<String, Object> payload = MessagePayloads.sent(direct);

		assertThat(payload).containsOnlyKeys("id", "senderId", "receiverId", "content", "type", "status", "createdAt");
		assertThat(payload).containsEntry("status", "SENT").containsEntry("createdAt", "2025-01-01T00:00:00.123456Z");
	}

	@Test
	void groupMessagesHaveAGroupAndNoReceiver() {
		UUID group = UUID.randomUUID();
		MessageCreated message = new MessageCreated(UUID.randomUUID(), "group:" + group, 1, sender, null,
				group, null, "hi all", "TEXT", "SENT", Map.of(), Instant.parse("2025-01-01T00:00:00Z"));

		assertThat(MessagePayloads.received(message)).containsEntry("groupId", group.toString())
			.containsEntry("receiverId", null)
			.containsEntry("createdAt", "2025-01-01T00:00:00Z");
	}
}
