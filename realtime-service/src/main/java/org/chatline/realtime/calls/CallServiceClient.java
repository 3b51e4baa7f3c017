package org.chatline.realtime.calls;

import java.util.Map;
import java.util.UUID;

import org.chatline.realtime.forwarding.ServiceExchange;
import org.chatline.realtime.forwarding.ServiceReply;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** call-service's public API, called with the socket user's own access token. */
@Component("callService")
class CallServiceClient {

	private final RestClient rest;

	private final ServiceExchange exchange;

	CallServiceClient(RestClient callServiceClient, JsonMapper json) {
		this.rest = callServiceClient;
		this.exchange = new ServiceExchange(json, "Call service");
	}

	ServiceReply initiate(String token, Map<String, Object> call) {
		return exchange.exchange(
				rest.post().uri("/api/v1/calls").contentType(MediaType.APPLICATION_JSON).body(call), token);
	}

	/** {@code join}, {@code reject}, {@code end} or {@code leave}. */
	ServiceReply action(String token, UUID callId, String action) {
		return exchange.exchange(rest.post().uri("/api/v1/calls/{id}/{action}", callId, action), token);
	}
}
