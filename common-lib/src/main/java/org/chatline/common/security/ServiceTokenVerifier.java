package org.chatline.common.security;

import io.jsonwebtoken.Claims;

/**
 * Verifies the service tokens that auth-service issues for {@code /internal/**}: the same RS256 keys,
 * issuer and checks as access tokens, but their own audience and token type, so a user's access token
 * is never accepted here and a service token never on the public API.
 */
public class ServiceTokenVerifier {

	private final JwtVerifier jwt;

	public ServiceTokenVerifier(PublicKeySource keys, String issuer, String internalAudience) {
		this.jwt = new JwtVerifier(keys, issuer, internalAudience);
	}

	/** The calling service, or a 401 {@link org.chatline.common.api.ApiException}. */
	public ServiceCaller verify(String token) {
		Claims claims = this.jwt.verify(token, TokenTypes.SERVICE);
		return new ServiceCaller(claims.getSubject());
	}
}
