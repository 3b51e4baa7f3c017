package org.chatline.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.RevokedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks the access token at the edge, before routing: a request without a valid token never
 * reaches a service. Services verify it again (defence in depth). Socket.IO authenticates at its
 * own handshake.
 */
@Component
public class EdgeAuthenticationFilter implements WebFilter, Ordered {

	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private static final Logger log = LoggerFactory.getLogger(EdgeAuthenticationFilter.class);

	/** Exchange attribute holding the verified {@link org.chatline.common.security.AuthenticatedUser}. */
	public static final String USER_ATTRIBUTE = EdgeAuthenticationFilter.class.getName() + ".user";

	private final JwtVerifier verifier;

	private final List<String> publicPaths;

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final ReactiveStringRedisTemplate redis;

	EdgeAuthenticationFilter(JwtVerifier verifier, GatewayProperties properties, ReactiveStringRedisTemplate redis) {
		this.verifier = verifier;
		this.publicPaths = properties.publicPaths();
		this.redis = redis;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/v1/") || exchange.getRequest().getMethod() == HttpMethod.OPTIONS || isPublic(path)) {
			return chain.filter(exchange);
		}
		String token = JwtVerifier.bearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (token == null) {
			return Envelopes.refuse(exchange, ErrorCode.UNAUTHORIZED,
					"Authentication required");
		}
		// Verification may fetch the JWKS on a key miss, so it runs off the event loop.
		return Mono.fromCallable(() -> verifier.verifyAccessToken(token))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(this::refuseRevokedSession)
			.onErrorResume(ApiException.class,
					ex -> Envelopes.refuse(exchange, ex.code(), ex.getMessage()).then(Mono.empty()))
			.flatMap(user -> {
				exchange.getAttributes().put(USER_ATTRIBUTE, user);
				return chain.filter(exchange);
			});
	}

	/**
	 * A session ended by logout, logout-all or refresh-token reuse is refused at once, not at token
	 * expiry. Without Redis the token's own expiry is the limit (fail open, logged).
	 */
	private Mono<AuthenticatedUser> refuseRevokedSession(AuthenticatedUser user) {
		if (user.sessionId() == null) {
			return Mono.just(user);
		}
		return redis.hasKey(RevokedSessions.key(user.sessionId()))
			.timeout(Duration.ofMillis(500))
			.onErrorResume(ex -> {
				log.warn("Could not check session revocation: {}", ex.toString());
				return Mono.just(false);
			})
			.flatMap(revoked -> revoked ? Mono.error(ApiException.unauthorized("Session has been revoked"))
					: Mono.just(user));
	}

	private boolean isPublic(String path) {
		for (String pattern : publicPaths) {
			if (matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}
}
