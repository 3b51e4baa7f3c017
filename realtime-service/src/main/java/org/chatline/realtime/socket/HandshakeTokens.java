package org.chatline.realtime.socket;

import java.util.Map;

import org.chatline.common.security.JwtVerifier;

/**
 * Where a socket's access token comes from: {@code auth.token} of the CONNECT packet first (with or
 * without a {@code Bearer } prefix), else the handshake's {@code Authorization: Bearer} header.
 */
final class HandshakeTokens {

	private HandshakeTokens() {
	}

	static String resolve(Object authData, String authorizationHeader) {
		if (authData instanceof Map<?, ?> auth && auth.get("token") instanceof String token && !token.isBlank()) {
			String bearer = JwtVerifier.bearer(token);
			return bearer != null ? bearer : token.trim();
		}
		return JwtVerifier.bearer(authorizationHeader);
	}
}
