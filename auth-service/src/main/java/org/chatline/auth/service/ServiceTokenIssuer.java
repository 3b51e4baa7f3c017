package org.chatline.auth.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import org.chatline.auth.keys.SigningKeys;
import org.chatline.common.security.TokenTypes;

/**
 * Mints service tokens: RS256 with auth-service's signing key, {@code aud} the internal audience
 * (never the users' one), {@code token_type=service}, {@code sub} the service's name, short-lived.
 */
public class ServiceTokenIssuer {

	private final SigningKeys keys;

	private final String issuer;

	private final String audience;

	private final Duration ttl;

	private final Clock clock;

	public ServiceTokenIssuer(SigningKeys keys, String issuer, String audience, Duration ttl, Clock clock) {
		this.keys = keys;
		this.issuer = issuer;
		this.audience = audience;
		this.ttl = ttl;
		this.clock = clock;
	}

	public ServiceToken issue(String serviceName) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.ttl);
		String token = Jwts.builder()
			.header()
			.keyId(this.keys.kid())
			.type("JWT")
			.and()
			.issuer(this.issuer)
			.audience()
			.add(this.audience)
			.and()
			.subject(serviceName)
			.id(UUID.randomUUID().toString())
			.claim(TokenTypes.CLAIM_TYPE, TokenTypes.SERVICE)
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.signWith(this.keys.privateKey(), Jwts.SIG.RS256)
			.compact();
		return new ServiceToken(token, expiresAt);
	}

	public record ServiceToken(String value, Instant expiresAt) {
	}
}
