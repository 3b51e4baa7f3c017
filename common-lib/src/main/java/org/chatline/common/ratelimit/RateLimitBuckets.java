package org.chatline.common.ratelimit;

import java.time.Duration;

/**
 * The Redis buckets of the contract's rate limits, shared by every door that counts them: the
 * gateway (REST) and realtime-service (socket emits) increment the same keys with the same script,
 * so a user cannot double an allowance by mixing REST and the socket.
 *
 * <p>A bucket is a fixed-window counter: {@link #SCRIPT} increments it and starts its window
 * atomically and answers {@code {count, ttlMillis}}.
 */
public final class RateLimitBuckets {

	/** The default key prefix ({@code chat.gateway.rate-limits.key-prefix}). */
	public static final String DEFAULT_PREFIX = "rl";

	/** Register and login, per client address. */
	public static final String AUTH = "auth";

	/** {@code POST /messages} and the socket's {@code message:send}, per user. */
	public static final String MESSAGES = "messages";

	/** Every other REST call, and every other socket write, per client address. */
	public static final String GENERAL = "general";

	/** New Socket.IO sessions (Engine.IO handshakes), per client address. */
	public static final String HANDSHAKE = "handshake";

	/** KEYS[1] the bucket, ARGV[1] the window in milliseconds; answers {count, ttl in ms}. */
	public static final String SCRIPT = """
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
			return {count, ttl}
			""";

	private RateLimitBuckets() {
	}

	/** The Redis key of one bucket: {@code <prefix>:<rule>:<subject>}. */
	public static String key(String prefix, String rule, String subject) {
		return prefix + ":" + rule + ":" + subject;
	}

	/** One limit: at most {@code limit} hits per {@code window}. */
	public record Rule(int limit, Duration window) {
	}

	/**
	 * What one hit decided, from the script's answer. {@code retryAfterSeconds} is the bucket's
	 * remaining time rounded up to whole seconds (at least 1), so it never exceeds the window,
	 * whatever the wall clock's fraction of a second.
	 */
	public record Decision(int limit, long remaining, long resetEpochSeconds, long retryAfterSeconds,
			boolean allowed) {

		public static Decision of(Rule rule, long count, long ttlMillis, long nowMillis) {
			long reset = (nowMillis + ttlMillis + 999) / 1000;
			long wait = Math.max(1, (ttlMillis + 999) / 1000);
			return new Decision(rule.limit(), Math.max(0, rule.limit() - count), reset, wait,
					count <= rule.limit());
		}
	}
}
