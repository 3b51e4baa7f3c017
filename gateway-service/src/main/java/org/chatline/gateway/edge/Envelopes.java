package org.chatline.gateway.edge;

import java.nio.charset.StandardCharsets;

import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.ErrorResponse;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/** Writes the contract's error envelope on a reactive response. */
public final class Envelopes {

	private Envelopes() {
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
