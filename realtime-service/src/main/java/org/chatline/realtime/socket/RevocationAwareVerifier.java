package org.chatline.realtime.socket;

import org.chatline.common.api.ApiException;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.PublicKeySource;
import org.chatline.common.security.RevokedSessions;
import org.chatline.common.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The handshake's token check, plus the sessions auth-service announced as ended (logout,
 * logout-all, refresh-token reuse): their access tokens cannot open a socket. A token without a
 * session id is refused: its socket could not be ended with its session. Without Redis the
 * token's own expiry is the limit (fail open, logged), as at the gateway.
 */
class RevocationAwareVerifier extends JwtVerifier {

	private static final Logger log = LoggerFactory.getLogger(RevocationAwareVerifier.class);

	private final StringRedisTemplate redis;

	RevocationAwareVerifier(PublicKeySource keys, SecurityProperties properties, StringRedisTemplate redis) {
		super(keys, properties.issuer(), properties.audience());
		this.redis = redis;
	}

	@Override
	public AuthenticatedUser verifyAccessToken(String token) {
		AuthenticatedUser user = super.verifyAccessToken(token);
		if (user.sessionId() == null) {
			// auth-service always issues a sid; without one the session could never be ended.
			throw ApiException.unauthorized("Invalid token");
		}
		if (isRevoked(user)) {
			throw ApiException.unauthorized("Session has been revoked");
		}
		return user;
	}

	private boolean isRevoked(AuthenticatedUser user) {
		try {
			return Boolean.TRUE.equals(redis.hasKey(RevokedSessions.key(user.sessionId())));
		}
		catch (DataAccessException ex) {
			log.warn("Could not check session revocation: {}", ex.getMessage());
			return false;
		}
	}
}
