package org.chatline.common.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.jsonwebtoken.Claims;

/**
 * Verifies the service tokens that auth-service issues for {@code /internal/**}: the same RS256 keys,
 * issuer and checks as access tokens, but their own audience and token type, so a user's access token
 * is never accepted here and a service token never on the public API.
 */
public class ServiceTokenVerifier {

	/** A handful of services, each with one token at a time (two around a renewal). */
	private static final int CACHE_SIZE = 64;

	private final JwtVerifier jwt;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private record Verified(ServiceCaller caller, long expiresAtMillis) {
	}

	public ServiceTokenVerifier(PublicKeySource keys, String issuer, String internalAudience) {
		this.jwt = new JwtVerifier(keys, issuer, internalAudience);
	}

	/**
	 * The calling service, or a 401 {@link org.chatline.common.api.ApiException}. A caller sends the
	 * same token for its whole lifetime: a token verified once is remembered, by its exact text,
	 * until it expires, as {@link JwtVerifier#verifyAccessToken} does for users' tokens.
	 */
	public ServiceCaller verify(String token) {
		Verified known = (token != null) ? this.verified.get(token) : null;
		if (known != null) {
			if (System.currentTimeMillis() < known.expiresAtMillis()) {
				return known.caller();
			}
			this.verified.remove(token);
		}
		Claims claims = this.jwt.verify(token, TokenTypes.SERVICE);
		ServiceCaller caller = new ServiceCaller(claims.getSubject());
		if (claims.getExpiration() != null) {
			if (this.verified.size() >= CACHE_SIZE) {
				this.verified.clear();
			}
			this.verified.put(token, new Verified(caller, claims.getExpiration().getTime()));
		}
		return caller;
	}
}
