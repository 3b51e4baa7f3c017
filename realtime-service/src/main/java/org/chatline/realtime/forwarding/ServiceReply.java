package org.chatline.realtime.forwarding;

import java.util.Map;

import org.chatline.common.api.ErrorCode;
import org.chatline.realtime.socket.SocketReplies;

/** What an owning service answered: its status and its response envelope. */
public record ServiceReply(int status, Map<String, Object> envelope) {

	public static ServiceReply unavailable(String message) {
		return new ServiceReply(ErrorCode.SERVICE_UNAVAILABLE.status(),
				SocketReplies.errorEnvelope(ErrorCode.SERVICE_UNAVAILABLE, message));
	}

	public boolean successful() {
		return status >= 200 && status < 300;
	}

	/** The envelope's message, for the {@code error} event. */
	public String message() {
		Object message = envelope == null ? null : envelope.get("message");
		return message instanceof String text && !text.isBlank() ? text : "Request failed with status " + status;
	}

	/** The envelope's {@code data}, or null. */
	public Object data() {
		return envelope == null ? null : envelope.get("data");
	}
}
