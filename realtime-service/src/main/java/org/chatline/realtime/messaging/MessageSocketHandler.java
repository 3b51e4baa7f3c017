package org.chatline.realtime.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.forwarding.Forwarder;
import org.chatline.realtime.forwarding.WriteLimit;
import org.chatline.realtime.socket.AuthenticatedListener;
import org.chatline.realtime.socket.SocketHandler;
import org.chatline.realtime.socket.SocketPayloads;
import org.chatline.realtime.socket.SocketReplies;

import org.springframework.stereotype.Component;

/**
 * {@code message:send}, {@code message:edit} and {@code message:delete} from clients, forwarded to
 * message-service. The ack carries message-service's envelope; a failure also emits {@code error}.
 * A send counts in the user's {@code messages} bucket, an edit or delete in the {@code general} one,
 * as the same REST calls do at the gateway.
 * Sends go to message-service in batches ({@link SendBatcher}), each still under its user's own token.
 * Nothing is pushed from here: the resulting domain event drives the fan-out, as for REST calls.
 */
@Component
class MessageSocketHandler implements SocketHandler {

	static final String SEND = "message:send";

	static final String EDIT = "message:edit";

	static final String DELETE = "message:delete";

	/**
	 * The fields of {@code POST /messages}; anything else a client sends is not passed on. A
	 * {@code clientMessageId} makes a resent emit idempotent, as on REST.
	 */
	private static final List<String> SEND_FIELDS = List.of("content", "type", "receiverId", "groupId", "parentId",
			"metadata", "clientMessageId");

	private final MessageServiceClient messages;

	private final SendBatcher sends;

	private final Forwarder forwarder;

	MessageSocketHandler(MessageServiceClient messages, SendBatcher sends, Forwarder forwarder) {
		this.messages = messages;
		this.sends = sends;
		this.forwarder = forwarder;
	}

	@Override
	public void register(SocketIOServer server) {
		server.addEventListener(SEND, Object.class, AuthenticatedListener.of(this::send));
		server.addEventListener(EDIT, Object.class, AuthenticatedListener.of(this::edit));
		server.addEventListener(DELETE, Object.class, AuthenticatedListener.of(this::delete));
	}

	void send(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		Map<String, Object> payload;
		try {
			payload = SocketPayloads.object(data);
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		SEND_FIELDS.stream().filter(payload::containsKey).forEach(field -> body.put(field, payload.get(field)));
		forwarder.forwardAsync(client, user, ack, WriteLimit.MESSAGES, () -> sends.send(user.token(), body));
	}

	void edit(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		Map<String, Object> payload;
		UUID messageId;
		try {
			payload = SocketPayloads.object(data);
			messageId = requiredMessageId(payload);
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("content", payload.get("content"));
		forwarder.forward(client, user, ack, WriteLimit.GENERAL, () -> messages.edit(user.token(), messageId, changes));
	}

	void delete(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		UUID messageId;
		try {
			messageId = requiredMessageId(SocketPayloads.object(data));
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		forwarder.forward(client, user, ack, WriteLimit.GENERAL, () -> messages.delete(user.token(), messageId));
	}

	private static UUID requiredMessageId(Map<String, Object> payload) {
		UUID messageId = SocketPayloads.uuid(payload, "messageId");
		if (messageId == null) {
			throw new IllegalArgumentException("messageId is required");
		}
		return messageId;
	}
}
