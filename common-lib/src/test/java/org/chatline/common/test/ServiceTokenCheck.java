package org.chatline.common.test;

import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpHandler;
import org.chatline.common.api.ApiException;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.ServiceTokenVerifier;

/**
 * For stubs that play another service in integration tests: does an {@code Authorization} header
 * carry a valid {@link TestTokens#service} token? A stub answering 401 otherwise proves that the
 * service under test sends its credential.
 */
public final class ServiceTokenCheck {

	private static final ServiceTokenVerifier VERIFIER = new ServiceTokenVerifier(TestTokens.keySource(),
			"chatline-auth", TestTokens.INTERNAL_AUDIENCE);

	private ServiceTokenCheck() {
	}

	/**
	 * {@code handler} behind the same check as a real service's internal API: without a valid service
	 * token the 401 envelope, and the handler never runs.
	 */
	public static HttpHandler guard(HttpHandler handler) {
		return exchange -> {
			if (caller(exchange.getRequestHeaders().getFirst("Authorization")) != null) {
				handler.handle(exchange);
				return;
			}
			try (exchange) {
				byte[] body = "{\"success\":false,\"message\":\"Service credential required\",\"code\":\"UNAUTHORIZED\"}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(401, body.length);
				exchange.getResponseBody().write(body);
			}
		};
	}

	/** The calling service's name, or null when the header holds no valid service token. */
	public static String caller(String authorizationHeader) {
		try {
			return VERIFIER.verify(JwtVerifier.bearer(authorizationHeader)).name();
		}
		catch (ApiException ex) {
			return null;
		}
	}
}
