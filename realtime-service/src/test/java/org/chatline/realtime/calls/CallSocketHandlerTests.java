package org.chatline.realtime.calls;

import java.util.Map;
import java.util.UUID;

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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class CallSocketHandlerTests {

	private final CallServiceClient calls = mock(CallServiceClient.class);

	private final CallSocketHandler handler = new CallSocketHandler(calls, new Forwarder(new SyncTaskExecutor(), WriteLimiter.off(), 4, 64));

	private final AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "the-token");

	private final SocketIOClient client = SocketTestClients.client();

	private final AckRequest ack = mock(AckRequest.class);

	private final Map<String, Object> data = Map.of("call", Map.of("id", "c1"), "roomUrl", "https://meet/x", "token",
			"jitsi");

	{
		when(ack.isAckRequested()).thenReturn(true);
	}

	@Test
	void initiatesWithTheContractFieldsAndAnswersTheCallerWithTheRoom() {
		Map<String, Object> envelope = Map.of("success", true, "data", data);
		when(calls.initiate(anyString(), any())).thenReturn(new ServiceReply(201, envelope));

		handler.initiate(client, user,
				Map.of("type", "VIDEO", "participantIds", java.util.List.of("u2"), "initiatorId", "spoofed"), ack);

		verify(calls).initiate("the-token", Map.of("type", "VIDEO", "participantIds", java.util.List.of("u2")));
		verify(client).sendEvent(CallSocketHandler.INITIATE, data);
		verify(ack).sendAckData(envelope);
	}

	@Test
	void answerJoinsTheCallAndEchoesTheRoom() {
		UUID callId = UUID.randomUUID();
		when(calls.action("the-token", callId, "join"))
			.thenReturn(new ServiceReply(200, Map.of("success", true, "data", data)));

		handler.action(client, user, Map.of("callId", callId.toString()), ack, "join", CallSocketHandler.ANSWER);

		verify(client).sendEvent(CallSocketHandler.ANSWER, data);
	}

	@Test
	void reportsARefusalAsErrorEventWithoutEcho() {
		UUID callId = UUID.randomUUID();
		Map<String, Object> envelope = Map.of("success", false, "message", "Only the initiator can end the call",
				"code", "FORBIDDEN");
		when(calls.action("the-token", callId, "end")).thenReturn(new ServiceReply(403, envelope));

		handler.action(client, user, Map.of("callId", callId.toString()), ack, "end", null);

		verify(client).sendEvent("error", Map.of("message", "Only the initiator can end the call"));
		verify(ack).sendAckData(envelope);
		verify(client, never()).sendEvent(CallSocketHandler.END, data);
	}

	@Test
	void needsACallId() {
		handler.action(client, user, Map.of(), ack, "reject", null);

		verify(client).sendEvent("error", Map.of("message", "callId is required"));
		verifyNoInteractions(calls);
	}
}
