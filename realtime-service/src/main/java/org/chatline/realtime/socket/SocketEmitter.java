package org.chatline.realtime.socket;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
		toRoomsExcept(Set.of(room), event, payload, userId);
	}

	/**
	 * To every socket in any of the rooms, once even when it is in several of them, except those of
	 * {@code userId} (null: nobody excepted).
	 */
	public void toRoomsExcept(Collection<String> rooms, String event, Object payload, UUID userId) {
		Set<UUID> sent = new HashSet<>();
		for (String room : rooms) {
			for (SocketIOClient client : server.getRoomOperations(room).getClients()) {
				boolean own = userId != null
						&& SocketSessions.user(client).map(user -> user.id().equals(userId)).orElse(false);
				if (!own && sent.add(client.getSessionId())) {
					client.sendEvent(event, payload);
				}
			}
		}
	}

	/** This instance's sockets of one user. */
	public Collection<SocketIOClient> socketsOf(UUID userId) {
		return server.getRoomOperations(Rooms.user(userId)).getClients();
	}

	/**
	 * Whether the session is still connected to this instance. Not {@code isChannelOpen()}: a
	 * polling session has no open channel between two requests.
	 */
	public boolean isConnected(SocketIOClient client) {
		return isConnected(client.getSessionId());
	}

	public boolean isConnected(UUID sessionId) {
		return server.getClient(sessionId) != null;
	}

	/** This instance's sockets in a room. */
	public Collection<SocketIOClient> socketsIn(String room) {
		return server.getRoomOperations(room).getClients();
	}
}
