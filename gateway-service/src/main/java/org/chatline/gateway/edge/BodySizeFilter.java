package org.chatline.gateway.edge;

import org.chatline.common.api.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** Refuses request bodies over {@code chat.gateway.max-body-size} before they reach a service. */
@Component
class BodySizeFilter implements WebFilter, Ordered {

	private final long maxBytes;

	BodySizeFilter(GatewayProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > maxBytes) {
			return Envelopes.write(exchange.getResponse(), ErrorCode.PAYLOAD_TOO_LARGE,
					"Request body too large (limit " + maxBytes + " bytes)");
		}
		return chain.filter(exchange);
	}
}
