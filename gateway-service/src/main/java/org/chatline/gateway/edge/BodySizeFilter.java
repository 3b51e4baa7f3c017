package org.chatline.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.chatline.common.api.ErrorCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@code chat.gateway.max-body-size} before they reach a service: at
 * once when the {@code Content-Length} says so, and while streaming when the body comes in chunks
 * without a length (the request then fails with 413 as soon as the limit is passed). An attachment's
 * bytes ({@code PUT /api/v1/attachments/{id}/content}) have their own, larger limit.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

	private static final Pattern UPLOAD = Pattern.compile("/api/v1/attachments/[^/]+/content");

	private final long maxBytes;

	private final long maxUploadBytes;

	BodySizeFilter(GatewayProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.maxUploadBytes = properties.uploadMaxBodySize().toBytes();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		boolean upload = request.getMethod() == HttpMethod.PUT && UPLOAD.matcher(request.getPath().value()).matches();
		long maxBytes = upload ? this.maxUploadBytes : this.maxBytes;
		long length = request.getHeaders().getContentLength();
		if (length > maxBytes) {
			return Envelopes.write(exchange.getResponse(), ErrorCode.PAYLOAD_TOO_LARGE,
					"Request body too large (limit " + maxBytes + " bytes)");
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest(), maxBytes)).build());
	}

	/** A body of unknown length that fails with 413 once more than the limit has come in. */
	private static final class Limited extends ServerHttpRequestDecorator {

		private final long maxBytes;

		Limited(ServerHttpRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong received = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
							"Request body too large (limit " + maxBytes + " bytes)"));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
