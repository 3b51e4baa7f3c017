package org.chatline.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import org.chatline.auth.AuthProperties;
import org.chatline.auth.keys.SigningKeys;
import org.chatline.common.security.SecurityProperties;
import org.chatline.common.security.TokenTypes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Mints RS256 tokens with the claims every verifier checks: {@code iss}, {@code aud}, {@code sub}
 * (user id), {@code token_type}, {@code sid} (session = refresh-token family), {@code jti},
 * {@code iat}, {@code exp} and the {@code kid} header. Access tokens also carry {@code username}
 * and {@code role}.
 */
@Component
public class TokenIssuer {

	private final SigningKeys keys;

	private final String issuer;

	private final String audience;

	private final Duration accessTtl;

	private final Duration refreshTtl;

	private final Clock clock;

	@Autowired
	public TokenIssuer(SigningKeys keys, SecurityProperties security, AuthProperties properties) {
		this(keys, security.issuer(), security.audience(), properties.accessTokenTtl(), properties.refreshTokenTtl(),
				Clock.systemUTC());
	}

	TokenIssuer(SigningKeys keys, String issuer, String audience, Duration accessTtl, Duration refreshTtl,
			Clock clock) {
		this.keys = keys;
		this.issuer = issuer;
		this.audience = audience;
		this.accessTtl = accessTtl;
		this.refreshTtl = refreshTtl;
		this.clock = clock;
	}

	public IssuedToken access(UUID userId, String username, String role, UUID sessionId) {
		UUID jti = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(accessTtl);
		String token = base(userId, TokenTypes.ACCESS, sessionId, jti, now, expiresAt)
			.claim(TokenTypes.CLAIM_USERNAME, username)
			.claim(TokenTypes.CLAIM_ROLE, role)
			.compact();
		return new IssuedToken(token, jti, expiresAt);
	}

	/** A refresh token whose {@code jti} is the id of its row in the session store. */
	public IssuedToken refresh(UUID userId, UUID sessionId, UUID tokenId) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(refreshTtl);
		return new IssuedToken(base(userId, TokenTypes.REFRESH, sessionId, tokenId, now, expiresAt).compact(), tokenId,
				expiresAt);
	}

	private JwtBuilder base(UUID userId, String type, UUID sessionId, UUID jti, Instant now, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(keys.kid())
			.type("JWT")
			.and()
			.issuer(issuer)
			.audience()
			.add(audience)
			.and()
			.subject(userId.toString())
			.id(jti.toString())
			.claim(TokenTypes.CLAIM_TYPE, type)
			.claim(TokenTypes.CLAIM_SESSION, sessionId.toString())
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.signWith(keys.privateKey(), Jwts.SIG.RS256);
	}

	public record IssuedToken(String value, UUID id, Instant expiresAt) {
	}
}
