package org.chatline.gateway.edge;

import java.util.Locale;
import java.util.regex.Pattern;

import org.chatline.common.api.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses paths carrying an encoded slash, backslash or NUL ({@code %2F}, {@code %5C}, {@code %00}).
 * No endpoint of the contract needs one; the gateway and the services could read such a path
 * differently, and the services' servlet container answers them with an HTML page instead of the
 * envelope.
 */
@Component
class EncodedPathFilter implements WebFilter, Ordered {

	private static final Pattern FORBIDDEN = Pattern.compile("%(2f|5c|00)");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath != null && FORBIDDEN.matcher(rawPath.toLowerCase(Locale.ROOT)).find()) {
			return Envelopes.refuse(exchange, ErrorCode.VALIDATION_ERROR,
					"The path must not contain an encoded slash, backslash or NUL");
		}
		return chain.filter(exchange);
	}

}
