package org.chatline.realtime.forwarding;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.corundumstudio.socketio.SocketIOClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.ratelimit.RateLimitBuckets;
import org.chatline.common.ratelimit.RateLimitBuckets.Decision;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;
import org.chatline.common.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts socket writes in the gateway's rate-limit buckets ({@link RateLimitBuckets}): the same
 * keys, script and rules, so REST and the socket share one allowance. {@code message:send} counts per
 * user; other writes per client address, which is the gateway's {@code X-Chatline-Client-Address}
 * handshake header (the gateway overwrites whatever a client sends; realtime is reachable only
 * through it) or else the connection's address. If Redis cannot be asked, the write passes (fail
 * open, as at the gateway), logged and counted.
 */
@Component
public class WriteLimiter {

	/** Set by the gateway on the Socket.IO route: the client address its own rate limits use. */
	static final String CLIENT_ADDRESS_HEADER = "X-Chatline-Client-Address";

	private static final Logger log = LoggerFactory.getLogger(WriteLimiter.class);

	@SuppressWarnings("unchecked")
	private static final RedisScript<List<Long>> INCREMENT = RedisScript.of(RateLimitBuckets.SCRIPT,
			(Class<List<Long>>) (Class<?>) List.class);

	private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

	private final SocketRateLimitProperties properties;

	private final ReactiveStringRedisTemplate redis;

	private final MeterRegistry meters;

	private final Counter redisFailures;

	@Autowired
	WriteLimiter(SocketRateLimitProperties properties, ReactiveRedisConnectionFactory connections,
			MeterRegistry meters) {
		this.properties = properties;
		this.redis = connections == null ? null : new ReactiveStringRedisTemplate(connections);
		this.meters = meters;
		this.redisFailures = meters == null ? null
				: Counter.builder("chat.realtime.ratelimit.redis.failures")
					.description("Socket writes let through because Redis could not be asked")
					.register(meters);
	}

	/** A limiter that counts nothing (rate limits off). */
	public static WriteLimiter off() {
		return new WriteLimiter(new SocketRateLimitProperties(false, RateLimitBuckets.DEFAULT_PREFIX,
				new Rule(30, Duration.ofMinutes(1)), new Rule(100, Duration.ofMinutes(15))), null, null);
	}

	/**
	 * Counts one write; the message to answer it with when it is over the limit, else empty.
	 * Blocks on Redis (at most half a second): call it off the Socket.IO event loop.
	 */
	Optional<String> refusal(WriteLimit limit, AuthenticatedUser user, SocketIOClient client) {
		if (!properties.enabled()) {
			return Optional.empty();
		}
		String rule = limit == WriteLimit.MESSAGES ? RateLimitBuckets.MESSAGES : RateLimitBuckets.GENERAL;
		Rule limits = limit == WriteLimit.MESSAGES ? properties.messages() : properties.general();
		String subject = limit == WriteLimit.MESSAGES ? user.id().toString() : clientAddress(client);
		String key = RateLimitBuckets.key(properties.keyPrefix(), rule, subject);
		Decision decision;
		try {
			List<Long> result = redis.execute(INCREMENT, List.of(key), List.of(Long.toString(limits.window().toMillis())))
				.next()
				.timeout(REDIS_TIMEOUT)
				.block();
			if (result == null || result.size() < 2) {
				throw new IllegalStateException("unexpected answer from the rate-limit script");
			}
			decision = Decision.of(limits, result.get(0), result.get(1), System.currentTimeMillis());
		}
		catch (RuntimeException ex) {
			log.warn("Socket rate limiting skipped, Redis unavailable: {}", ex.toString());
			redisFailures.increment();
			return Optional.empty();
		}
		if (decision.allowed()) {
			return Optional.empty();
		}
		meters.counter("chat.realtime.ratelimit.refused", "rule", rule).increment();
		return Optional.of(message(limit, limits, decision.retryAfterSeconds()));
	}

	static String message(WriteLimit limit, Rule rule, long retryAfterSeconds) {
		String what = limit == WriteLimit.MESSAGES ? "messages" : "requests";
		return "Rate limit exceeded: " + rule.limit() + " " + what + " per " + per(rule.window()) + ", retry in "
				+ retryAfterSeconds + " s";
	}

	/** "minute", "15 minutes", "hour", "30 seconds". */
	static String per(Duration window) {
		long seconds = window.toSeconds();
		if (seconds > 0 && seconds % 3600 == 0) {
			return unit(seconds / 3600, "hour");
		}
		if (seconds > 0 && seconds % 60 == 0) {
			return unit(seconds / 60, "minute");
		}
		if (seconds > 0) {
			return unit(seconds, "second");
		}
		return window.toMillis() + " ms";
	}

	private static String unit(long count, String unit) {
		return count == 1 ? unit : count + " " + unit + "s";
	}

	/** The gateway's view of the client address, or the connection's (a direct connection, or tests). */
	static String clientAddress(SocketIOClient client) {
		String header = client.getHandshakeData().getHttpHeaders().get(CLIENT_ADDRESS_HEADER);
		if (header != null && isAddressLiteral(header.trim())) {
			return header.trim();
		}
		InetSocketAddress remote = client.getHandshakeData().getAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	/**
	 * An address as the gateway writes it (an IPv4 or IPv6 literal, possibly with a port or zone, as
	 * an X-Forwarded-For hop may carry); anything else is not used in a Redis key.
	 */
	private static boolean isAddressLiteral(String value) {
		return !value.isEmpty() && value.length() <= 64 && value.chars()
			.allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '[' || c == ']' || c == '%');
	}
}
