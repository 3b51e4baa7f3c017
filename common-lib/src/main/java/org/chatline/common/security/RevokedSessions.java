package org.chatline.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where ended sessions are announced: auth-service sets one Redis key per revoked session (its
 * {@code sid}), living as long as an access token can; the gateway and realtime-service refuse
 * access tokens of those sessions, so logout takes effect at once rather than at token expiry.
 *
 * <p>The same session ids are also published on the Redis pub/sub {@link #CHANNEL}, so that every
 * realtime-service instance ends its live sockets of those sessions at once; the keys remain the
 * record (a subscriber that missed a message finds them when it sweeps its sockets).
 */
public final class RevokedSessions {

	private static final String PREFIX = "chat:revoked-session:";

	/** The pub/sub channel; one message per announcement: the session ids, comma-separated. */
	public static final String CHANNEL = "chat:revoked-sessions";

	private RevokedSessions() {
	}

	public static String key(UUID sessionId) {
		return PREFIX + sessionId;
	}

	/** The message announcing these sessions on {@link #CHANNEL}. */
	public static String message(Collection<UUID> sessionIds) {
		return sessionIds.stream().map(UUID::toString).collect(Collectors.joining(","));
	}

	/** The session ids of a {@link #CHANNEL} message; whatever is not a session id is skipped. */
	public static List<UUID> sessionIds(String message) {
		List<UUID> ids = new ArrayList<>();
		if (message == null) {
			return ids;
		}
		for (String part : message.split(",")) {
			try {
				ids.add(UUID.fromString(part.trim()));
			}
			catch (IllegalArgumentException ex) {
				// Not ours: the channel is a plain Redis channel anyone with Redis access can write to.
			}
		}
		return ids;
	}
}
