package org.chatline.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.ratelimit.RateLimitBuckets;
import org.chatline.common.ratelimit.RateLimitBuckets.Rule;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.gateway.edge.EdgeAuthenticationFilter;
import org.chatline.gateway.edge.Envelopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The contract's rate limits: register/login per IP, {@code POST /messages} per user, the rest of
 * the REST API per IP. Socket.IO, health and metrics are not counted. If Redis cannot be reached,
 * requests pass (fail open) and the failure is logged and counted.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final RateLimitProperties properties;

	private final RateLimiter limiter;

	private final ClientAddress clientAddress;

	private final MeterRegistry meters;

	private final Counter redisFailures;

	RateLimitFilter(RateLimitProperties properties, RateLimiter limiter, MeterRegistry meters) {
		this.properties = properties;
		this.limiter = limiter;
		this.clientAddress = new ClientAddress(properties.trustedProxies());
		this.meters = meters;
		this.redisFailures = Counter.builder("chat.gateway.ratelimit.redis.failures")
			.description("Requests let through because Redis could not be asked")
			.register(meters);
	}

	@Override
	public int getOrder() {
		return EdgeAuthenticationFilter.ORDER + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!properties.enabled()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/v1/") || path.startsWith("/api/v1/health") || path.equals("/api/v1/metrics")
				|| request.getMethod() == HttpMethod.OPTIONS) {
			return chain.filter(exchange);
		}
		String ip = clientAddress.resolve(request.getRemoteAddress(), request.getHeaders().getFirst("X-Forwarded-For"));
		String name;
		Rule rule;
		String subject;
		if (request.getMethod() == HttpMethod.POST
				&& (path.equals("/api/v1/auth/register") || path.equals("/api/v1/auth/login"))) {
			name = RateLimitBuckets.AUTH;
			rule = properties.auth();
			subject = ip;
		}
		else if (request.getMethod() == HttpMethod.POST && path.equals("/api/v1/messages")
				&& exchange.getAttribute(EdgeAuthenticationFilter.USER_ATTRIBUTE) instanceof AuthenticatedUser user) {
			name = RateLimitBuckets.MESSAGES;
			rule = properties.messages();
			subject = user.id().toString();
		}
		else {
			name = RateLimitBuckets.GENERAL;
			rule = properties.general();
			subject = ip;
		}
		String key = RateLimitBuckets.key(properties.keyPrefix(), name, subject);
		return limiter.hit(key, rule).map(decision -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("X-RateLimit-Limit", Integer.toString(decision.limit()));
			headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
			headers.set("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
			if (!decision.allowed()) {
				headers.set(HttpHeaders.RETRY_AFTER,
						Long.toString(decision.retryAfterSeconds(System.currentTimeMillis())));
			}
			return decision.allowed();
		}).onErrorResume(ex -> {
			log.warn("Rate limiting skipped, Redis unavailable: {}", ex.toString());
			redisFailures.increment();
			return Mono.just(true);
		}).flatMap(allowed -> {
			if (allowed) {
				return chain.filter(exchange);
			}
			meters.counter("chat.gateway.ratelimit.refused", "rule", name).increment();
			return Envelopes.refuse(exchange, ErrorCode.RATE_LIMIT_EXCEEDED,
					"Too many requests, please try again later.");
		});
	}
}
