package org.chatline.realtime.socket;

import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;

import org.springframework.stereotype.Component;

/** Pushes events to rooms of this instance's sockets. */
@Component
public class SocketEmitter {

	private final SocketIOServer server;

	SocketEmitter(SocketIOServer server) {
		this.server = server;
	}

	public void toRoom(String room, String event, Object payload) {
		server.getRoomOperations(room).sendEvent(event, payload);
	}

	/** To every socket in the room except those of {@code userId} (no echo to the sender). */
	public void toRoomExcept(String room, String event, Object payload, UUID userId) {
		for (SocketIOClient client : server.getRoomOperations(room).getClients()) {
			boolean own = SocketSessions.user(client).map(user -> user.id().equals(userId)).orElse(false);
			if (!own) {
				client.sendEvent(event, payload);
			}
		}
	}
}
