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

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ErrorCode code;
		String message;
		if (ex instanceof ResponseStatusException status) {
			int value = status.getStatusCode().value();
			switch (value) {
				case 404 -> {
					code = ErrorCode.NOT_FOUND;
					message = "Route not found";
				}
				case 405 -> {
					code = ErrorCode.METHOD_NOT_ALLOWED;
					message = "Method not allowed";
				}
				case 413 -> {
					code = ErrorCode.PAYLOAD_TOO_LARGE;
					message = "Request body too large";
				}
				case 415 -> {
					code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
					message = "Unsupported media type";
				}
				case 503 -> {
					code = ErrorCode.SERVICE_UNAVAILABLE;
					message = "Service unavailable, please retry";
				}
				case 504 -> {
					code = ErrorCode.GATEWAY_TIMEOUT;
					message = "The service did not answer in time";
				}
				default -> {
					code = value >= 500 ? ErrorCode.BAD_GATEWAY : ErrorCode.VALIDATION_ERROR;
					message = value >= 500 ? "Upstream service error" : "Bad request";
				}
			}
		}
		else if (ex instanceof DataBufferLimitException) {
			code = ErrorCode.PAYLOAD_TOO_LARGE;
			message = "Request body too large";
		}
		else if (ex instanceof TimeoutException || ex.getCause() instanceof TimeoutException) {
			code = ErrorCode.GATEWAY_TIMEOUT;
			message = "The service did not answer in time";
		}
		else if (ex instanceof ConnectException || ex instanceof ConnectTimeoutException
				|| ex.getCause() instanceof ConnectException) {
			code = ErrorCode.SERVICE_UNAVAILABLE;
			message = "Service unavailable, please retry";
		}
		else {
			log.warn("Gateway failure on {}: {}", exchange.getRequest().getPath(), ex.toString());
			code = ErrorCode.BAD_GATEWAY;
			message = "Upstream service error";
		}
		return Envelopes.write(exchange.getResponse(), code, message);
	}
}
