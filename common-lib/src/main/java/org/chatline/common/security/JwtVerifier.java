package org.chatline.common.security;

import java.security.Key;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import org.chatline.common.api.ApiException;

/**
 * Verifies tokens minted by auth-service: RS256 only (no {@code alg: none}, no HMAC with the public
 * key), known {@code kid}, issuer, audience, expiry and token type.
 */
public class JwtVerifier {

	private final JwtParser parser;

	public JwtVerifier(PublicKeySource keys, String issuer, String audience) {
		this.parser = Jwts.parser()
			.keyLocator(new LocatorAdapter<Key>() {
				@Override
				protected Key locate(JwsHeader header) {
					if (!"RS256".equals(header.getAlgorithm()) || header.getKeyId() == null) {
						throw new JwtException("unsupported token algorithm");
					}
					return keys.find(header.getKeyId()).orElseThrow(() -> new JwtException("unknown signing key"));
				}
			})
			.requireIssuer(issuer)
			.requireAudience(audience)
			.clockSkewSeconds(5)
			.build();
	}

	/** Verifies an access token and returns the caller, or throws a 401 {@link ApiException}. */
	public AuthenticatedUser verifyAccessToken(String token) {
		Claims claims = verify(token, TokenTypes.ACCESS);
		try {
			String sid = claims.get(TokenTypes.CLAIM_SESSION, String.class);
			return new AuthenticatedUser(UUID.fromString(claims.getSubject()),
					claims.get(TokenTypes.CLAIM_USERNAME, String.class), claims.get(TokenTypes.CLAIM_ROLE, String.class),
					sid == null ? null : UUID.fromString(sid), token);
		}
		catch (RuntimeException ex) {
			throw ApiException.unauthorized("Invalid token");
		}
	}

	/** Verifies signature, issuer, audience, expiry and that the token is of the expected type. */
	public Claims verify(String token, String expectedType) {
		if (token == null || token.isBlank()) {
			throw ApiException.unauthorized("Authentication required");
		}
		Claims claims;
		try {
			claims = parser.parseSignedClaims(token).getPayload();
		}
		catch (ExpiredJwtException ex) {
			throw ApiException.unauthorized("Token expired");
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw ApiException.unauthorized("Invalid token");
		}
		if (!expectedType.equals(claims.get(TokenTypes.CLAIM_TYPE, String.class)) || claims.getSubject() == null) {
			throw ApiException.unauthorized("Invalid token");
		}
		return claims;
	}

	/** The token of an {@code Authorization: Bearer ...} header value, or null. */
	public static String bearer(String authorizationHeader) {
		if (authorizationHeader == null) {
			return null;
		}
		String value = authorizationHeader.trim();
		if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = value.substring(7).trim();
			return token.isEmpty() ? null : token;
		}
		return null;
	}
}
