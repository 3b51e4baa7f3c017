package org.chatline.common.test;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import io.jsonwebtoken.Jwts;
import org.chatline.common.security.PublicKeySource;
import org.chatline.common.security.TokenTypes;

/**
 * Access tokens for tests of services other than auth-service: signed with a test key that
 * {@link TestSecurityConfiguration} makes the service trust instead of the JWKS.
 */
public final class TestTokens {

	public static final String KID = "test-key";

	/** The audience of service tokens (common-lib's default {@code chat.security.internal-audience}). */
	public static final String INTERNAL_AUDIENCE = "chatline-internal";

	public static final KeyPair KEYS = Jwts.SIG.RS256.keyPair().build();

	private TestTokens() {
	}

	public static String access(UUID userId) {
		return access(userId, "user_" + userId.toString().substring(0, 8), Instant.now().plusSeconds(900));
	}

	public static String access(UUID userId, String username, Instant expiresAt) {
		return access(userId, username, expiresAt, UUID.randomUUID());
	}

	public static String access(UUID userId, String username, Instant expiresAt, UUID sessionId) {
		return Jwts.builder()
			.header()
			.keyId(KID)
			.and()
			.issuer("chatline-auth")
			.audience()
			.add("chatline")
			.and()
			.subject(userId.toString())
			.claim(TokenTypes.CLAIM_TYPE, TokenTypes.ACCESS)
			.claim(TokenTypes.CLAIM_USERNAME, username)
			.claim(TokenTypes.CLAIM_ROLE, "USER")
			.claim(TokenTypes.CLAIM_SESSION, sessionId.toString())
			.issuedAt(new Date())
			.expiration(Date.from(expiresAt))
			.signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	public static String bearer(UUID userId) {
		return "Bearer " + access(userId);
	}

	/** A service token, as auth-service issues to {@code serviceName} for calls to {@code /internal/**}. */
	public static String service(String serviceName) {
		return service(serviceName, Instant.now().plusSeconds(300));
	}

	public static String service(String serviceName, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(KID)
			.and()
			.issuer("chatline-auth")
			.audience()
			.add(INTERNAL_AUDIENCE)
			.and()
			.subject(serviceName)
			.claim(TokenTypes.CLAIM_TYPE, TokenTypes.SERVICE)
			.issuedAt(new Date())
			.expiration(Date.from(expiresAt))
			.signWith(KEYS.getPrivate(), Jwts.SIG.RS256)
			.compact();
	}

	public static String serviceBearer(String serviceName) {
		return "Bearer " + service(serviceName);
	}

	public static PublicKeySource keySource() {
		return kid -> KID.equals(kid) ? Optional.of(KEYS.getPublic()) : Optional.empty();
	}
}
