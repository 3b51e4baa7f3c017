package org.chatline.realtime.messaging;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.forwarding.Forwarder;
import org.chatline.realtime.forwarding.WriteLimiter;
import org.chatline.realtime.forwarding.ServiceReply;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.SyncTaskExecutor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class MessageSocketHandlerTests {

	private final MessageServiceClient messages = mock(MessageServiceClient.class);

	private final SendBatcher sends = mock(SendBatcher.class);

	private final MessageSocketHandler handler = new MessageSocketHandler(messages, sends,
			new Forwarder(new SyncTaskExecutor(), WriteLimiter.off(), 4, 64));

	private final AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "the-token");

	private final SocketIOClient client = SocketTestClients.client();

	private final AckRequest ack = ackRequested();

	@Test
	void forwardsOnlyTheContractFieldsWithTheUsersToken() {
		Map<String, Object> envelope = Map.of("success", true, "data", Map.of("id", "m1"));
		when(sends.send(eq("the-token"), any())).thenReturn(CompletableFuture.completedFuture(new ServiceReply(201, envelope)));

		handler.send(client, user, Map.of("content", "hi", "receiverId", "r1", "senderId", "spoofed",
				"clientMessageId", "c1"), ack);

		verify(sends).send("the-token", Map.of("content", "hi", "receiverId", "r1", "clientMessageId", "c1"));
		verify(ack).sendAckData(envelope);
	}

	@Test
	void reportsARefusalAsErrorEventAndAcksTheServicesEnvelope() {
		Map<String, Object> envelope = Map.of("success", false, "message", "Forbidden", "code", "FORBIDDEN");
		when(sends.send(anyString(), any())).thenReturn(CompletableFuture.completedFuture(new ServiceReply(403, envelope)));

		handler.send(client, user, Map.of("content", "hi"), ack);

		verify(client).sendEvent("error", Map.of("message", "Forbidden"));
		verify(ack).sendAckData(envelope);
	}

	@Test
	void refusesAPayloadThatIsNotAnObject() {
		handler.send(client, user, "just text", ack);

		verify(client).sendEvent("error", Map.of("message", "Payload must be an object"));
		verifyNoInteractions(messages, sends);
	}

	@Test
	void editAndDeleteNeedAMessageId() {
		handler.edit(client, user, Map.of("content", "x"), ack);
		handler.delete(client, user, Map.of("messageId", "not-a-uuid"), ack);

		verify(client).sendEvent("error", Map.of("message", "messageId is required"));
		verify(client).sendEvent("error", Map.of("message", "messageId must be a UUID"));
		verifyNoInteractions(messages);
	}

	@Test
	void forwardsEditAndDeleteToTheMessage() {
		UUID id = UUID.randomUUID();
		when(messages.edit(anyString(), any(), any())).thenReturn(new ServiceReply(200, Map.of("success", true)));
		when(messages.delete(anyString(), any())).thenReturn(new ServiceReply(200, Map.of("success", true)));

		handler.edit(client, user, Map.of("messageId", id.toString(), "content", "changed"), ack);
		handler.delete(client, user, Map.of("messageId", id.toString()), ack);

		verify(messages).edit("the-token", id, Map.of("content", "changed"));
		verify(messages).delete("the-token", id);
	}

	private static AckRequest ackRequested() {
		AckRequest ack = mock(AckRequest.class);
		when(ack.isAckRequested()).thenReturn(true);
		return ack;
	}
}
