package org.chatline.common.security;

import java.security.Key;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

	/** Verified access tokens remembered at most; about 2 MiB of heap when full. */
	private static final int CACHE_SIZE = 10_000;

	private final int cacheSize;

	private final JwtParser parser;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final Clock clock;

	private record Verified(AuthenticatedUser user, long expiresAtMillis) {
	}

	public JwtVerifier(PublicKeySource keys, String issuer, String audience) {
		this(keys, issuer, audience, Clock.systemUTC(), CACHE_SIZE);
	}

	JwtVerifier(PublicKeySource keys, String issuer, String audience, Clock clock, int cacheSize) {
		this.clock = clock;
		this.cacheSize = cacheSize;
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
			.clock(() -> new Date(clock.millis()))
			.build();
	}

	/**
	 * Verifies an access token and returns the caller, or throws a 401 {@link ApiException}.
	 * A client sends the same token with every request for its lifetime, and the RSA signature
	 * check is the costliest step of a small request: a token verified once is remembered, by its
	 * exact text, until it expires. Ended sessions are refused elsewhere (see {@link RevokedSessions}).
	 */
	public AuthenticatedUser verifyAccessToken(String token) {
		Verified known = (token != null) ? this.verified.get(token) : null;
		if (known != null) {
			if (this.clock.millis() < known.expiresAtMillis()) {
				return known.user();
			}
			this.verified.remove(token);
		}
		Claims claims = verify(token, TokenTypes.ACCESS);
		AuthenticatedUser user;
		try {
			String sid = claims.get(TokenTypes.CLAIM_SESSION, String.class);
			user = new AuthenticatedUser(UUID.fromString(claims.getSubject()),
					claims.get(TokenTypes.CLAIM_USERNAME, String.class), claims.get(TokenTypes.CLAIM_ROLE, String.class),
					sid == null ? null : UUID.fromString(sid), token);
		}
		catch (RuntimeException ex) {
			throw ApiException.unauthorized("Invalid token");
		}
		if (claims.getExpiration() != null) {
			if (this.verified.size() >= this.cacheSize) {
				// Crude but bounded: many thousands of live tokens are re-verified once after this.
				this.verified.clear();
			}
			this.verified.put(token, new Verified(user, claims.getExpiration().getTime()));
		}
		return user;
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
