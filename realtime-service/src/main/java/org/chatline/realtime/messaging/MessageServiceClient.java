package org.chatline.realtime.messaging;

import java.util.Map;
import java.util.UUID;

import org.chatline.realtime.forwarding.ServiceExchange;
import org.chatline.realtime.forwarding.ServiceReply;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** message-service's public API, called with the socket user's own access token. */
@Component("messageService")
class MessageServiceClient {

	private final RestClient rest;

	private final ServiceExchange exchange;

	MessageServiceClient(RestClient messageServiceClient, JsonMapper json) {
		this.rest = messageServiceClient;
		this.exchange = new ServiceExchange(json, "Message service");
	}

	ServiceReply send(String token, Map<String, Object> message) {
		return exchange.exchange(
				rest.post().uri("/api/v1/messages").contentType(MediaType.APPLICATION_JSON).body(message), token);
	}

	ServiceReply edit(String token, UUID messageId, Map<String, Object> changes) {
		return exchange.exchange(rest.patch()
			.uri("/api/v1/messages/{id}", messageId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(changes), token);
	}

	ServiceReply delete(String token, UUID messageId) {
		return exchange.exchange(rest.delete().uri("/api/v1/messages/{id}", messageId), token);
	}
}
