package org.chatline.realtime.socket;

import java.time.Duration;
import java.util.List;

import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.beans.factory.ObjectProvider;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SocketServerLifecycleTests {

	private final SocketIOServer server = mock(SocketIOServer.class);

	@SuppressWarnings("unchecked")
	private final SocketServerLifecycle lifecycle = new SocketServerLifecycle(server, mock(ObjectProvider.class),
			Duration.ofMillis(100));

	@Test
	void drainsByClosingTransportsSoClientsReconnectElsewhereThenStops() {
		NamespaceClient client = mock(NamespaceClient.class);
		ClientHead session = mock(ClientHead.class);
		when(client.getBaseClient()).thenReturn(session);
		when(session.getEngineIOVersion()).thenReturn(EngineIOVersion.V4);
		when(server.getAllClients()).thenReturn(List.of(client));
		when(server.getConfiguration()).thenReturn(new com.corundumstudio.socketio.Configuration());
		lifecycle.start();

		lifecycle.stop();

		InOrder order = inOrder(session, server);
		// An Engine.IO close, not a Socket.IO DISCONNECT (after which socket.io-client gives up).
		order.verify(session).send(argThat(packet -> packet.getType() == PacketType.CLOSE));
		order.verify(session).onChannelDisconnect();
		order.verify(server).stop();
		verify(client, never()).disconnect();
	}
}
