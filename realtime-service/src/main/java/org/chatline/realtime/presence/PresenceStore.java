package org.chatline.realtime.presence;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Connection counting in Redis, shared by every instance. Each transition is decided by one Lua
 * script, so exactly one instance sees it and publishes it.
 * <ul>
 * <li>{@code presence:conn:{userId}}: sorted set of {@code {instanceId}:{sessionId}}, score = the
 * moment the entry expires unless its instance refreshes it (heartbeat).</li>
 * <li>{@code presence:online}: sorted set of the users announced online, score = the moment they
 * are due for an offline check (their newest connection's expiry, or the end of the grace period
 * once the last one closed).</li>
 * </ul>
 */
class PresenceStore {

	static final String ONLINE = "presence:online";

	/** Adds or refreshes a connection; 1 when the user was not announced online (announce now). */
	private static final RedisScript<Long> CONNECT = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
			redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			local due = redis.call('ZSCORE', KEYS[2], ARGV[5])
			if not due or tonumber(due) < tonumber(ARGV[3]) then
			  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
			end
			if due then return 0 else return 1 end
			""", Long.class);

	/** Removes a connection; returns how many of the user's connections are left. */
	private static final RedisScript<Long> DISCONNECT = RedisScript.of("""
			redis.call('ZREM', KEYS[1], ARGV[1])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
			local left = redis.call('ZCARD', KEYS[1])
			if left == 0 and redis.call('ZSCORE', KEYS[2], ARGV[4]) then
			  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
			end
			return left
			""", Long.class);

	/** 1 when the user has no live connection and was still announced online (announce offline now). */
	private static final RedisScript<Long> SETTLE = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
			if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
			return redis.call('ZREM', KEYS[2], ARGV[2])
			""", Long.class);

	private final StringRedisTemplate redis;

	PresenceStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String connections(UUID userId) {
		return "presence:conn:" + userId;
	}

	boolean connect(UUID userId, String connection, long now, long ttlMillis) {
		Long first = redis.execute(CONNECT, List.of(connections(userId), ONLINE), connection, Long.toString(now),
				Long.toString(now + ttlMillis), Long.toString(ttlMillis), userId.toString());
		return first != null && first == 1L;
	}

	long disconnect(UUID userId, String connection, long now, long graceMillis) {
		Long left = redis.execute(DISCONNECT, List.of(connections(userId), ONLINE), connection, Long.toString(now),
				Long.toString(now + graceMillis), userId.toString());
		return left == null ? 0 : left;
	}

	boolean settleOffline(UUID userId, long now) {
		Long offline = redis.execute(SETTLE, List.of(connections(userId), ONLINE), Long.toString(now),
				userId.toString());
		return offline != null && offline == 1L;
	}

	/** Users announced online whose offline check is due (at most {@code limit}). */
	Set<String> due(long now, int limit) {
		Set<String> users = redis.opsForZSet().rangeByScore(ONLINE, Double.NEGATIVE_INFINITY, now, 0, limit);
		return users == null ? Set.of() : users;
	}
}
