package org.chatline.common.config;

import java.io.IOException;
import java.util.function.Supplier;

import org.chatline.common.security.ServiceTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Puts this service's token on every call to another service's {@code /internal/**}, and on nothing
 * else: calls to the public API (realtime forwarding a socket write with the user's own token) go
 * out as the caller built them. The token endpoint itself is authenticated with the client secret.
 */
public class ServiceTokenInterceptor implements ClientHttpRequestInterceptor {

	static final String INTERNAL_PREFIX = "/internal/";

	static final String TOKEN_PATH = "/internal/service-tokens";

	private final Supplier<ServiceTokens> tokens;

	public ServiceTokenInterceptor(Supplier<ServiceTokens> tokens) {
		this.tokens = tokens;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String path = request.getURI().getRawPath();
		if (path == null || !path.startsWith(INTERNAL_PREFIX) || path.equals(TOKEN_PATH)) {
			return execution.execute(request, body);
		}
		ServiceTokens source = this.tokens.get();
		String token;
		try {
			token = source.current();
		}
		catch (RuntimeException ex) {
			// As an I/O error the caller sees what it sees when the owner is unreachable (a quick 503).
			throw new IOException("No service token for " + path + ": " + ex.getMessage(), ex);
		}
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() == 401) {
			// Expired early, or signed with a key the receiver no longer trusts: the next call gets a new one.
			source.invalidate();
		}
		return response;
	}
}
