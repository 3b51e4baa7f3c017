package org.chatline.common.security;

import java.util.UUID;

/**
 * Where ended sessions are announced: auth-service sets one Redis key per revoked session (its
 * {@code sid}), living as long as an access token can; the gateway and realtime-service refuse
 * access tokens of those sessions, so logout takes effect at once rather than at token expiry.
 */
public final class RevokedSessions {

	private static final String PREFIX = "chat:revoked-session:";

	private RevokedSessions() {
	}

	public static String key(UUID sessionId) {
		return PREFIX + sessionId;
	}
}
