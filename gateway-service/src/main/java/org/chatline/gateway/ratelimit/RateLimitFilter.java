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
 * the REST API per IP; and new Socket.IO sessions per IP (an Engine.IO open: a {@code /socket.io/}
 * request without a {@code sid}). The requests of an open socket session, health and metrics are
 * not counted here (realtime-service counts socket writes itself). If Redis cannot be reached,
 * requests pass (fail open) and the failure is logged and counted.
 *
 * <p>Every request loses an {@link #CLIENT_ADDRESS_HEADER} the client sent; a Socket.IO request
 * gets the address resolved here instead, so realtime-service counts per address in the same
 * buckets without re-deciding which proxies to believe.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

	/** The client address the gateway resolved, for the Socket.IO server behind it. */
	public static final String CLIENT_ADDRESS_HEADER = "X-Chatline-Client-Address";

	/** The Socket.IO route's path ({@code /socket.io/**} also matches it without the trailing slash). */
	private static final String SOCKET_IO_PATH = "/socket.io";

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
	public Mono<Void> filter(ServerWebExchange incoming, WebFilterChain chain) {
		String path = incoming.getRequest().getPath().pathWithinApplication().value();
		String ip = clientAddress.resolve(incoming.getRequest().getRemoteAddress(),
				incoming.getRequest().getHeaders().getFirst("X-Forwarded-For"));
		boolean socket = path.equals(SOCKET_IO_PATH) || path.startsWith(SOCKET_IO_PATH + "/");
		ServerWebExchange exchange = withClientAddress(incoming, socket ? ip : null);
		ServerHttpRequest request = exchange.getRequest();
		if (!properties.enabled() || request.getMethod() == HttpMethod.OPTIONS) {
			return chain.filter(exchange);
		}
		String name;
		Rule rule;
		String subject;
		if (socket) {
			if (request.getQueryParams().containsKey("sid")) {
				return chain.filter(exchange);
			}
			name = RateLimitBuckets.HANDSHAKE;
			rule = properties.handshake();
			subject = ip;
		}
		else if (!path.startsWith("/api/v1/") || path.startsWith("/api/v1/health") || path.equals("/api/v1/metrics")) {
			return chain.filter(exchange);
		}
		else if (request.getMethod() == HttpMethod.POST
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
						Long.toString(decision.retryAfterSeconds()));
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

	/** Drops the client's own {@link #CLIENT_ADDRESS_HEADER}; sets the resolved one when given. */
	private static ServerWebExchange withClientAddress(ServerWebExchange exchange, String address) {
		if (address == null && !exchange.getRequest().getHeaders().containsHeader(CLIENT_ADDRESS_HEADER)) {
			return exchange;
		}
		return exchange.mutate().request(exchange.getRequest().mutate().headers(headers -> {
			headers.remove(CLIENT_ADDRESS_HEADER);
			if (address != null) {
				headers.set(CLIENT_ADDRESS_HEADER, address);
			}
		}).build()).build();
	}
}
