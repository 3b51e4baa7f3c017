package org.chatline.gateway.edge;

import java.nio.charset.StandardCharsets;

import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes the contract's error envelope on a reactive response. */
public final class Envelopes {

	private Envelopes() {
	}

	/**
	 * Refuses a request the gateway answers itself (no token, rate limit, bad path): reads and drops
	 * the rest of the request first. A response written before its request has been read left the
	 * kept-alive connection unusable for the next request now and then (about 3 in 100, found by
	 * {@code load/fuzz.mjs}). Not for bodies refused for their size: those are not read.
	 */
	public static Mono<Void> refuse(ServerWebExchange exchange, ErrorCode code, String message) {
		return exchange.getRequest()
			.getBody()
			.doOnNext(DataBufferUtils::release)
			.then(Mono.defer(() -> write(exchange.getResponse(), code, message)));
	}

	public static Mono<Void> write(ServerHttpResponse response, ErrorCode code, String message) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatus.valueOf(code.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = ErrorResponse.of(code, message).toJson().getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}
}
