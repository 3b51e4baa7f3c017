package org.chatline.auth.session;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.chatline.auth.AuthProperties;
import org.chatline.common.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the edge that sessions ended: one Redis key per session, kept as long as an access token
 * of it can still be valid. The gateway and realtime-service then refuse those access tokens at
 * once. If Redis is unreachable the revocation still holds for refresh tokens (the database) and
 * access tokens end at their expiry; the failure is logged.
 */
@Component
class RevokedSessionsPublisher {

	private static final Logger log = LoggerFactory.getLogger(RevokedSessionsPublisher.class);

	private final StringRedisTemplate redis;

	private final Duration ttl;

	RevokedSessionsPublisher(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		// A little longer than the token itself, to cover clock skew between services.
		this.ttl = properties.accessTokenTtl().plusMinutes(1);
	}

	void announce(Collection<UUID> sessionIds) {
		try {
			for (UUID sessionId : sessionIds) {
				redis.opsForValue().set(RevokedSessions.key(sessionId), "1", ttl);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not announce {} revoked session(s) to the edge: {}", sessionIds.size(), ex.getMessage());
		}
	}
}
