package org.chatline.realtime.socket;

import java.time.Instant;
import java.util.Optional;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;

/**
 * The user a socket session authenticated as, kept in the session's own store, with when its
 * access token expires and, once the session was ended (logout, expiry), why.
 */
public final class SocketSessions {

	static final String USER_KEY = "chat.user";

	static final String EXPIRES_KEY = "chat.token-expires-at";

	static final String ENDED_KEY = "chat.ended";

	private SocketSessions() {
	}

	/** The session's user, or empty while it has not authenticated. */
	public static Optional<AuthenticatedUser> user(SocketIOClient client) {
		Object user = client.get(USER_KEY);
		return user instanceof AuthenticatedUser authenticated ? Optional.of(authenticated) : Optional.empty();
	}

	/** Binds the session to a user and returns the one it was bound to before, if any. */
	static Optional<AuthenticatedUser> bind(SocketIOClient client, AuthenticatedUser user) {
		return bind(client, user, null);
	}

	/** As above, remembering when the user's access token expires (null: unknown). */
	static Optional<AuthenticatedUser> bind(SocketIOClient client, AuthenticatedUser user, Instant expiresAt) {
		Optional<AuthenticatedUser> previous = user(client);
		if (expiresAt != null) {
			client.set(EXPIRES_KEY, expiresAt);
		}
		else {
			client.del(EXPIRES_KEY);
		}
		client.set(USER_KEY, user);
		return previous;
	}

	/** When the access token the session authenticated with expires, if known. */
	static Optional<Instant> expiresAt(SocketIOClient client) {
		Object expiresAt = client.get(EXPIRES_KEY);
		return expiresAt instanceof Instant instant ? Optional.of(instant) : Optional.empty();
	}

	static void markEnded(SocketIOClient client, String reason) {
		client.set(ENDED_KEY, reason);
	}

	/**
	 * Why the session may no longer act, if it may not: it was ended (the reason it was told), or
	 * its access token has expired (the sweep will end it shortly; until then nothing is accepted).
	 */
	public static Optional<String> refusal(SocketIOClient client) {
		Object ended = client.get(ENDED_KEY);
		if (ended instanceof String reason) {
			return Optional.of(reason);
		}
		if (expiresAt(client).filter(expiry -> !Instant.now().isBefore(expiry)).isPresent()) {
			return Optional.of(SessionEnder.TOKEN_EXPIRED);
		}
		return Optional.empty();
	}
}
