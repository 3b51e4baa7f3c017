package org.chatline.realtime.socket;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Mock socket sessions with a working store and room set, for handler unit tests. */
public final class SocketTestClients {

	private SocketTestClients() {
	}

	public static SocketIOClient client() {
		return client(new DefaultHttpHeaders());
	}

	public static SocketIOClient client(HttpHeaders headers) {
		SocketIOClient client = mock(SocketIOClient.class);
		Map<String, Object> store = new ConcurrentHashMap<>();
		Set<String> rooms = new HashSet<>();
		when(client.getSessionId()).thenReturn(UUID.randomUUID());
		when(client.getHandshakeData()).thenReturn(new HandshakeData(headers, Map.of(),
				new InetSocketAddress("127.0.0.1", 50000), "/socket.io/?EIO=4&transport=polling", false));
		doAnswer(call -> store.put(call.getArgument(0), call.getArgument(1))).when(client).set(anyString(), any());
		when(client.get(anyString())).thenAnswer(call -> store.get(call.<String>getArgument(0)));
		doAnswer(call -> rooms.add(call.getArgument(0))).when(client).joinRoom(anyString());
		doAnswer(call -> rooms.remove(call.getArgument(0))).when(client).leaveRoom(anyString());
		when(client.getAllRooms()).thenAnswer(call -> Set.copyOf(rooms));
		return client;
	}
}
