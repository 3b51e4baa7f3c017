package org.chatline.realtime.typing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.socket.AuthenticatedListener;
import org.chatline.realtime.socket.Rooms;
import org.chatline.realtime.socket.SocketEmitter;
import org.chatline.realtime.socket.SocketHandler;
import org.chatline.realtime.socket.SocketPayloads;
import org.chatline.realtime.socket.SocketReplies;

import org.springframework.stereotype.Component;

/**
 * {@code typing:start} / {@code typing:stop}: relayed as {@code {userId, receiverId}} to the
 * receiver's room, or {@code {userId, groupId}} to the group's room, never back to the typist's own
 * sockets. Relayed on this instance only (cross-instance relay through {@code chat.signals.v1} is
 * still to come).
 */
@Component
class TypingHandler implements SocketHandler {

	static final String START = "typing:start";

	static final String STOP = "typing:stop";

	private final SocketEmitter emitter;

	TypingHandler(SocketEmitter emitter) {
		this.emitter = emitter;
	}

	@Override
	public void register(SocketIOServer server) {
		server.addEventListener(START, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> relay(START, client, user, data, ack)));
		server.addEventListener(STOP, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> relay(STOP, client, user, data, ack)));
	}

	void relay(String event, SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		UUID receiverId;
		UUID groupId;
		try {
			Map<String, Object> payload = SocketPayloads.object(data);
			receiverId = SocketPayloads.uuid(payload, "receiverId");
			groupId = SocketPayloads.uuid(payload, "groupId");
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		Map<String, Object> signal = new LinkedHashMap<>();
		signal.put("userId", user.id().toString());
		if (groupId != null) {
			String room = Rooms.group(groupId);
			if (!client.getAllRooms().contains(room)) {
				// Only members (whose sockets are in the room) may signal a group. Typing fires on
				// every keystroke, so this is answered on the ack only, not with error events.
				SocketReplies.acknowledge(ack, SocketReplies.errorEnvelope(ErrorCode.FORBIDDEN, "Not a member of this group"));
				return;
			}
			signal.put("groupId", groupId.toString());
			emitter.toRoomExcept(room, event, signal, user.id());
		}
		else if (receiverId != null) {
			signal.put("receiverId", receiverId.toString());
			emitter.toRoomExcept(Rooms.user(receiverId), event, signal, user.id());
		}
		else {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, "receiverId or groupId is required");
			return;
		}
		SocketReplies.acknowledge(ack, SocketReplies.okEnvelope());
	}
}
