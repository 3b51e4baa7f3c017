package org.chatline.realtime.forwarding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

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
 * Calls an owning service's public API with the socket user's own access token, so that a socket
 * emit is held to exactly the rules of the REST call, and turns whatever comes back (or nothing)
 * into a {@link ServiceReply} carrying the contract's envelope.
 */
public final class ServiceExchange {

	private static final Logger log = LoggerFactory.getLogger(ServiceExchange.class);

	private static final TypeReference<Map<String, Object>> ENVELOPE = new TypeReference<>() {
	};

	private final JsonMapper json;

	private final String serviceName;

	public ServiceExchange(JsonMapper json, String serviceName) {
		this.json = json;
		this.serviceName = serviceName;
	}

	public ServiceReply exchange(RestClient.RequestHeadersSpec<?> request, String token) {
		try {
			return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.accept(MediaType.APPLICATION_JSON)
				.exchange((req, response) -> {
					int status = response.getStatusCode().value();
					return new ServiceReply(status, envelope(status, response.getBody()));
				});
		}
		catch (RestClientException ex) {
			log.warn("{} call failed: {}", serviceName, ex.getMessage());
			return ServiceReply.unavailable(serviceName + " unavailable");
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
				serviceName + " answered " + status);
	}
}
