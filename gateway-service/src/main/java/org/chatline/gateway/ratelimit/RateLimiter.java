package org.chatline.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.chatline.common.ratelimit.RateLimitBuckets;
import org.chatline.common.ratelimit.RateLimitBuckets.Decision;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;
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

	private static final RedisScript<List<Long>> INCREMENT = RedisScript.of(RateLimitBuckets.SCRIPT,
			(Class<List<Long>>) (Class<?>) List.class);

	private final ReactiveStringRedisTemplate redis;

	RateLimiter(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	Mono<Decision> hit(String key, Rule rule) {
		long windowMillis = rule.window().toMillis();
		return redis.execute(INCREMENT, List.of(key), List.of(Long.toString(windowMillis)))
			.next()
			.timeout(Duration.ofMillis(500))
			.map(result -> Decision.of(rule, result.get(0), result.get(1), System.currentTimeMillis()));
	}
}
