package org.chatline.realtime.messaging;

import java.util.Map;

import org.chatline.common.api.ErrorCode;
import org.chatline.realtime.socket.SocketReplies;

/** What an owning service answered: its status and its response envelope. */
record ServiceReply(int status, Map<String, Object> envelope) {

	static ServiceReply unavailable(String message) {
		return new ServiceReply(ErrorCode.SERVICE_UNAVAILABLE.status(),
				SocketReplies.errorEnvelope(ErrorCode.SERVICE_UNAVAILABLE, message));
	}

	boolean successful() {
		return status >= 200 && status < 300;
	}

	/** The envelope's message, for the {@code error} event. */
	String message() {
		Object message = envelope == null ? null : envelope.get("message");
		return message instanceof String text && !text.isBlank() ? text : "Request failed with status " + status;
	}
}
