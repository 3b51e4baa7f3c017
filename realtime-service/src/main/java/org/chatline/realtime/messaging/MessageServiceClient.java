package org.chatline.realtime.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.api.ErrorCode;
import org.chatline.realtime.socket.SocketReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * message-service's public API, called with the socket user's own access token so that a socket
 * emit is held to exactly the rules of the REST call.
 */
class MessageServiceClient {

	private static final Logger log = LoggerFactory.getLogger(MessageServiceClient.class);

	private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
	};

	private final RestClient rest;

	private final JsonMapper json;

	MessageServiceClient(RestClient rest, JsonMapper json) {
		this.rest = rest;
		this.json = json;
	}

	ServiceReply send(String token, Map<String, Object> message) {
		return exchange(rest.post().uri("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).body(message),
				token);
	}

	ServiceReply edit(String token, UUID messageId, Map<String, Object> changes) {
		return exchange(rest.patch()
			.uri("/api/v1/messages/{id}", messageId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(changes), token);
	}

	ServiceReply delete(String token, UUID messageId) {
		return exchange(rest.delete().uri("/api/v1/messages/{id}", messageId), token);
	}

	private ServiceReply exchange(RestClient.RequestHeadersSpec<?> request, String token) {
		try {
			return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((req, response) -> {
					int status = response.getStatusCode().value();
					return new ServiceReply(status, envelope(status, response.getBody()));
				});
		}
		catch (RestClientException ex) {
			log.warn("message-service call failed: {}", ex.getMessage());
			return ServiceReply.unavailable("Message service unavailable");
		}
	}

	private Map<String, Object> envelope(int status, InputStream body) throws IOException {
		byte[] bytes = body.readAllBytes();
		if (bytes.length > 0) {
			try {
				return json.readValue(bytes, ENVELOPE);
			}
			catch (JacksonException ex) {
				// Not the contract's envelope (a proxy's error page, say): fall through.
			}
		}
		if (status >= 200 && status < 300) {
			return SocketReplies.okEnvelope();
		}
		return SocketReplies.errorEnvelope(status >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_ERROR,
				"Message service answered " + status);
	}
}
