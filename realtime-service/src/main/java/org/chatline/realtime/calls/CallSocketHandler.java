package org.chatline.realtime.calls;

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
 * {@code call:*} emits from clients, forwarded to call-service with the user's token. The ack
 * carries call-service's envelope; a refusal also emits {@code error}. {@code call:initiate} and
 * {@code call:answer} also answer the caller's socket with the event of the same name carrying
 * {@code {call, roomUrl, token}}. Everything the other participants see comes from the resulting
 * {@code chat.calls.v1} events ({@link CallEventPusher}), exactly as for the REST calls.
 */
@Component
class CallSocketHandler implements SocketHandler {

	static final String INITIATE = "call:initiate";

	static final String ANSWER = "call:answer";

	static final String REJECT = "call:reject";

	static final String END = "call:end";

	static final String LEAVE = "call:participant:leave";

	/** The fields of {@code POST /calls}; anything else a client sends is not passed on. */
	private static final List<String> INITIATE_FIELDS = List.of("type", "participantIds", "groupId");

	private final CallServiceClient calls;

	private final Forwarder forwarder;

	CallSocketHandler(CallServiceClient calls, Forwarder forwarder) {
		this.calls = calls;
		this.forwarder = forwarder;
	}

	@Override
	public void register(SocketIOServer server) {
		server.addEventListener(INITIATE, Object.class, AuthenticatedListener.of(this::initiate));
		server.addEventListener(ANSWER, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> action(client, user, data, ack, "join", ANSWER)));
		server.addEventListener(REJECT, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> action(client, user, data, ack, "reject", null)));
		server.addEventListener(END, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> action(client, user, data, ack, "end", null)));
		server.addEventListener(LEAVE, Object.class,
				AuthenticatedListener.of((client, user, data, ack) -> action(client, user, data, ack, "leave", null)));
	}

	void initiate(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack) {
		Map<String, Object> payload;
		try {
			payload = SocketPayloads.object(data);
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		INITIATE_FIELDS.stream().filter(payload::containsKey).forEach(field -> body.put(field, payload.get(field)));
		forwarder.forward(client, user, ack, WriteLimit.GENERAL, () -> calls.initiate(user.token(), body),
				reply -> client.sendEvent(INITIATE, reply.data()));
	}

	/** {@code replyEvent}: the event that echoes call-service's data to the caller, or null for none. */
	void action(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack, String action,
			String replyEvent) {
		UUID callId;
		try {
			callId = SocketPayloads.uuid(SocketPayloads.object(data), "callId");
			if (callId == null) {
				throw new IllegalArgumentException("callId is required");
			}
		}
		catch (IllegalArgumentException ex) {
			SocketReplies.fail(client, ack, ErrorCode.VALIDATION_ERROR, ex.getMessage());
			return;
		}
		forwarder.forward(client, user, ack, WriteLimit.GENERAL, () -> calls.action(user.token(), callId, action), reply -> {
			if (replyEvent != null) {
				client.sendEvent(replyEvent, reply.data());
			}
		});
	}
}
