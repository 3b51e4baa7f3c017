package org.chatline.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.chatline.common.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway produces itself speaks the contract's envelope: unknown routes, a
 * service that is down or slow, a body that is too large.
 */
@Component
@Order(-2)
class EnvelopeErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorHandler.class);

	private record Outcome(ErrorCode code, String message) {
	}

	private static final Outcome NOT_FOUND = new Outcome(ErrorCode.NOT_FOUND, "Route not found");

	private static final Outcome TOO_LARGE = new Outcome(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");

	private static final Outcome UNAVAILABLE = new Outcome(ErrorCode.SERVICE_UNAVAILABLE,
			"Service unavailable, please retry");

	private static final Outcome TIMEOUT = new Outcome(ErrorCode.GATEWAY_TIMEOUT, "The service did not answer in time");

	private static final Outcome UPSTREAM = new Outcome(ErrorCode.BAD_GATEWAY, "Upstream service error");

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		Outcome outcome = outcome(ex);
		if (outcome == UPSTREAM && !(ex instanceof ResponseStatusException)) {
			log.warn("Gateway failure on {}: {}", exchange.getRequest().getPath(), ex.toString());
		}
		if (ex instanceof ResponseStatusException status) {
			// e.g. Allow on a 405, as HTTP requires
			exchange.getResponse().getHeaders().addAll(status.getHeaders());
		}
		return Envelopes.write(exchange.getResponse(), outcome.code(), outcome.message());
	}

	private static Outcome outcome(Throwable ex) {
		if (ex instanceof ResponseStatusException status) {
			int value = status.getStatusCode().value();
			return switch (value) {
				case 404 -> NOT_FOUND;
				case 405 -> new Outcome(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
				case 413 -> TOO_LARGE;
				case 415 -> new Outcome(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
				case 503 -> UNAVAILABLE;
				case 504 -> TIMEOUT;
				default -> value >= 500 ? UPSTREAM : new Outcome(ErrorCode.VALIDATION_ERROR, "Bad request");
			};
		}
		if (ex instanceof DataBufferLimitException) {
			return TOO_LARGE;
		}
		if (ex instanceof TimeoutException || ex.getCause() instanceof TimeoutException) {
			return TIMEOUT;
		}
		if (ex instanceof ConnectException || ex instanceof ConnectTimeoutException
				|| ex.getCause() instanceof ConnectException) {
			return UNAVAILABLE;
		}
		return UPSTREAM;
	}
}
