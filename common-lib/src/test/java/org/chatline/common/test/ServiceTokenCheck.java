package org.chatline.common.test;

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
