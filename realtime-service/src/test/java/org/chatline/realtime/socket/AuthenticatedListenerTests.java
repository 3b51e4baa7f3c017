package org.chatline.realtime.socket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AuthenticatedListenerTests {

	@Test
	void refusesAnEventFromASessionThatNeverAuthenticated() throws Exception {
		SocketIOClient client = SocketTestClients.client();
		AckRequest ack = mock(AckRequest.class);
		when(ack.isAckRequested()).thenReturn(true);
		AtomicReference<Object> handled = new AtomicReference<>();

		AuthenticatedListener.of((c, user, data, a) -> handled.set(data)).onData(client, Map.of(), ack);

		assertThat(handled.get()).isNull();
		verify(client).sendEvent("error", Map.of("message", "Authentication required"));
		verify(ack).sendAckData(Map.of("success", false, "message", "Authentication required", "code", "UNAUTHORIZED"));
	}

	@Test
	void passesTheBoundUserToTheHandler() throws Exception {
		SocketIOClient client = SocketTestClients.client();
		AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "token");
		SocketSessions.bind(client, user);
		AtomicReference<AuthenticatedUser> handled = new AtomicReference<>();

		AuthenticatedListener.of((c, u, data, a) -> handled.set(u)).onData(client, Map.of(), mock(AckRequest.class));

		assertThat(handled.get()).isEqualTo(user);
	}

	@Test
	void refusesEventsOfASessionThatWasEnded() throws Exception {
		SocketIOClient client = SocketTestClients.client();
		SocketSessions.bind(client, new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", UUID.randomUUID(), "t"),
				Instant.now().plusSeconds(600));
		SocketSessions.markEnded(client, "Session ended");
		AtomicReference<Object> handled = new AtomicReference<>();

		AuthenticatedListener.of((c, user, data, a) -> handled.set(data)).onData(client, Map.of(), mock(AckRequest.class));

		assertThat(handled.get()).isNull();
		verify(client).sendEvent("error", Map.of("message", "Session ended"));
	}

	@Test
	void refusesEventsOnceTheTokenExpiredEvenBeforeTheSweepEndsTheSocket() throws Exception {
		SocketIOClient client = SocketTestClients.client();
		SocketSessions.bind(client, new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", UUID.randomUUID(), "t"),
				Instant.now().minusMillis(1));
		AtomicReference<Object> handled = new AtomicReference<>();

		AuthenticatedListener.of((c, user, data, a) -> handled.set(data)).onData(client, Map.of(), mock(AckRequest.class));

		assertThat(handled.get()).isNull();
		verify(client).sendEvent("error", Map.of("message", "Token expired"));
	}
}
