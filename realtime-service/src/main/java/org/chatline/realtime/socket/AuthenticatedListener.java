package org.chatline.realtime.socket;

import java.util.Optional;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.DataListener;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;

/**
 * Wraps every client-event handler. On the default namespace netty-socketio delivers events from a
 * session that never completed the authenticated CONNECT, so each handler must check for itself.
 * Events of a session that was ended, or whose access token expired, are refused too.
 */
public final class AuthenticatedListener {

	@FunctionalInterface
	public interface Handler {

		void handle(SocketIOClient client, AuthenticatedUser user, Object data, AckRequest ack);
	}

	private AuthenticatedListener() {
	}

	public static DataListener<Object> of(Handler handler) {
		return (client, data, ack) -> SocketSessions.user(client).ifPresentOrElse(user -> {
			Optional<String> refusal = SocketSessions.refusal(client);
			if (refusal.isPresent()) {
				// Ended (or its token expired): nothing it emits is accepted any more.
				SocketReplies.fail(client, ack, ErrorCode.UNAUTHORIZED, refusal.get());
				return;
			}
			handler.handle(client, user, data, ack);
		}, () -> SocketReplies.fail(client, ack, ErrorCode.UNAUTHORIZED, "Authentication required"));
	}
}
