package org.chatline.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.chatline.auth.AuthProperties;
import org.chatline.common.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the edge that sessions ended: one Redis key per session, kept as long as an access token
 * of it can still be valid, and one message on {@link RevokedSessions#CHANNEL}. The gateway and
 * realtime-service then refuse those access tokens at once, and every realtime-service instance
 * closes its live sockets of those sessions (the key is what an instance that missed the message
 * finds when it next checks its sockets). If Redis is unreachable the revocation still holds for refresh tokens (the database) and
 * access tokens end at their expiry; the failure is logged, and {@link #resync} announces the
 * session again once Redis is back.
 */
@Component
@EnableScheduling
class RevokedSessionsPublisher {

	private static final Logger log = LoggerFactory.getLogger(RevokedSessionsPublisher.class);

	private final StringRedisTemplate redis;

	private final Duration ttl;

	private final RefreshTokenRepository tokens;

	private final Clock clock = Clock.systemUTC();

	RevokedSessionsPublisher(StringRedisTemplate redis, AuthProperties properties, RefreshTokenRepository tokens) {
		this.redis = redis;
		this.tokens = tokens;
		// A little longer than the token itself, to cover clock skew between services.
		this.ttl = properties.accessTokenTtl().plusMinutes(1);
	}

	void announce(Collection<UUID> sessionIds) {
		if (sessionIds.isEmpty()) {
			return;
		}
		try {
			for (UUID sessionId : sessionIds) {
				redis.opsForValue().set(RevokedSessions.key(sessionId), "1", ttl);
			}
			// After the keys: a socket closed now and reconnecting at once is refused by them.
			redis.convertAndSend(RevokedSessions.CHANNEL, RevokedSessions.message(sessionIds));
		}
		catch (DataAccessException ex) {
			log.warn("Could not announce {} revoked session(s) to the edge: {}", sessionIds.size(), ex.getMessage());
		}
	}

	/**
	 * Announces again the sessions revoked within the last access-token lifetime, each for the
	 * rest of its time: Redis may have lost the keys (a restart without persistence, eviction, a
	 * failover). The database is the record; Redis is what the edge reads quickly.
	 */
	@Scheduled(fixedDelayString = "${chat.auth.revocation-resync:30s}",
			initialDelayString = "${chat.auth.revocation-resync:30s}")
	void resync() {
		Instant now = clock.instant();
		try {
			for (RefreshTokenRepository.RevokedFamily family : tokens.revokedSince(now.minus(ttl))) {
				Duration left = Duration.between(now, family.getRevokedAt().plus(ttl));
				if (!left.isNegative() && !left.isZero()) {
					redis.opsForValue().set(RevokedSessions.key(family.getFamilyId()), "1", left);
				}
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not announce revoked sessions again: {}", ex.getMessage());
		}
	}
}
