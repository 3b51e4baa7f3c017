package org.chatline.gateway.edge;

import java.util.UUID;

import org.chatline.common.web.CorrelationIdFilter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if sane, or a new one), passes it to
 * the services and returns it to the client.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = exchange.getRequest().getHeaders().getFirst(CorrelationIdFilter.HEADER);
		if (id == null || id.isBlank() || id.length() > 128) {
			id = UUID.randomUUID().toString();
		}
		String requestId = id;
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers(h -> h.set(CorrelationIdFilter.HEADER, requestId))
			.build();
		// Set last, replacing the copy the service returns: one X-Request-Id in the answer.
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(CorrelationIdFilter.HEADER, requestId);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}
}
