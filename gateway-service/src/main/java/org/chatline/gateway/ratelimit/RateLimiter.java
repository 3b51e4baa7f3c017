package org.chatline.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every gateway replica. One Lua script increments the
 * counter and starts its window atomically, so concurrent requests are never under-counted.
 */
@Component
class RateLimiter {

	private static final RedisScript<List<Long>> INCREMENT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
			return {count, ttl}
			""", (Class<List<Long>>) (Class<?>) List.class);

	private final ReactiveStringRedisTemplate redis;

	RateLimiter(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	record Decision(int limit, long remaining, long resetEpochSeconds, boolean allowed) {
	}

	Mono<Decision> hit(String key, RateLimitProperties.Rule rule) {
		long windowMillis = rule.window().toMillis();
		return redis.execute(INCREMENT, List.of(key), List.of(Long.toString(windowMillis)))
			.next()
			.timeout(Duration.ofMillis(500))
			.map(result -> {
				long count = result.get(0);
				long ttlMillis = result.get(1);
				long reset = (System.currentTimeMillis() + ttlMillis + 999) / 1000;
				return new Decision(rule.limit(), Math.max(0, rule.limit() - count), reset, count <= rule.limit());
			});
	}
}
