package org.chatline.realtime.groups;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A copy of each connected user's group ids in Redis ({@code realtime:user-groups:{userId}}), so
 * that any instance can address a user's groups (presence fan-out) without asking group-service.
 * Written when the user's socket fetches its groups and kept current by the instances holding the
 * user's sockets as membership events arrive. Best effort: Redis failures are logged, never thrown.
 */
@Component
public class UserGroupsCache {

	private static final Logger log = LoggerFactory.getLogger(UserGroupsCache.class);

	/** Long enough to outlive any session; refreshed at every connect. */
	static final Duration TTL = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	UserGroupsCache(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(UUID userId) {
		return "realtime:user-groups:" + userId;
	}

	void replace(UUID userId, Collection<UUID> groupIds) {
		try {
			String key = key(userId);
			redis.delete(key);
			if (!groupIds.isEmpty()) {
				redis.opsForSet().add(key, groupIds.stream().map(UUID::toString).toArray(String[]::new));
				redis.expire(key, TTL);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not cache the groups of user {}: {}", userId, ex.getMessage());
		}
	}

	void add(UUID userId, UUID groupId) {
		try {
			redis.opsForSet().add(key(userId), groupId.toString());
			redis.expire(key(userId), TTL);
		}
		catch (DataAccessException ex) {
			log.warn("Could not cache group {} of user {}: {}", groupId, userId, ex.getMessage());
		}
	}

	void remove(UUID userId, UUID groupId) {
		try {
			redis.opsForSet().remove(key(userId), groupId.toString());
		}
		catch (DataAccessException ex) {
			log.warn("Could not uncache group {} of user {}: {}", groupId, userId, ex.getMessage());
		}
	}

	/** The user's group ids as last cached (empty when unknown or Redis is down). */
	public Set<UUID> groupsOf(UUID userId) {
		try {
			Set<String> members = redis.opsForSet().members(key(userId));
			return members == null ? Set.of() : members.stream().map(UUID::fromString).collect(Collectors.toSet());
		}
		catch (DataAccessException ex) {
			log.warn("Could not read the groups of user {}: {}", userId, ex.getMessage());
			return Set.of();
		}
	}
}
