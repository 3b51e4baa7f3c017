package org.chatline.realtime.socket;

import java.util.LinkedHashMap;
import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.api.ErrorCode;

/** How handlers answer a client: the contract's {@code error} event and envelope-shaped acks. */
public final class SocketReplies {

	public static final String ERROR_EVENT = "error";

	private SocketReplies() {
	}

	/** Emits {@code error {message}} to the socket and, if the client asked for an ack, the error envelope. */
	public static void fail(SocketIOClient client, AckRequest ack, ErrorCode code, String message) {
		fail(client, ack, message, errorEnvelope(code, message));
	}

	/** Same, acknowledging with an envelope another service already produced. */
	public static void fail(SocketIOClient client, AckRequest ack, String message, Map<String, Object> envelope) {
		client.sendEvent(ERROR_EVENT, Map.of("message", message));
		acknowledge(ack, envelope);
	}

	public static void acknowledge(AckRequest ack, Object data) {
		if (ack != null && ack.isAckRequested()) {
			ack.sendAckData(data);
		}
	}

	public static Map<String, Object> errorEnvelope(ErrorCode code, String message) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("success", false);
		envelope.put("message", message);
		envelope.put("code", code.name());
		return envelope;
	}

	public static Map<String, Object> okEnvelope() {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("success", true);
		envelope.put("data", null);
		return envelope;
	}
}
