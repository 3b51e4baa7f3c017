package org.chatline.realtime.socket;

import java.util.Optional;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;

/** The user a socket session authenticated as, kept in the session's own store. */
public final class SocketSessions {

	static final String USER_KEY = "chat.user";

	private SocketSessions() {
	}

	/** The session's user, or empty while it has not authenticated. */
	public static Optional<AuthenticatedUser> user(SocketIOClient client) {
		Object user = client.get(USER_KEY);
		return user instanceof AuthenticatedUser authenticated ? Optional.of(authenticated) : Optional.empty();
	}

	/** Binds the session to a user and returns the one it was bound to before, if any. */
	static Optional<AuthenticatedUser> bind(SocketIOClient client, AuthenticatedUser user) {
		Optional<AuthenticatedUser> previous = user(client);
		client.set(USER_KEY, user);
		return previous;
	}
}
