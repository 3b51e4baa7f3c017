package org.chatline.auth.token;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.chatline.auth.TestAuthProperties;
import org.chatline.auth.keys.SigningKeyLoader;
import org.chatline.auth.keys.SigningKeys;
import org.chatline.common.api.ApiException;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.TokenTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIssuerTests {

	@TempDir
	static Path dir;

	SigningKeys keys;

	TokenIssuer issuer;

	JwtVerifier verifier;

	@BeforeEach
	void setUp() {
		keys = SigningKeyLoader.load(TestAuthProperties.generatedKeyIn(dir));
		issuer = new TokenIssuer(keys, "chatline-auth", "chatline", Duration.ofMinutes(15), Duration.ofDays(7),
				Clock.systemUTC());
		verifier = new JwtVerifier(keys, "chatline-auth", "chatline");
	}

	private Jws<Claims> parse(String token) {
		return Jwts.parser().verifyWith(keys.publicKey()).build().parseSignedClaims(token);
	}

	@Test
	void mintsAccessTokensWithTheSharedClaims() {
		UUID user = UUID.randomUUID();
		UUID session = UUID.randomUUID();

		TokenIssuer.IssuedToken token = issuer.access(user, "john_doe", "USER", session);

		Jws<Claims> jws = parse(token.value());
		assertThat(jws.getHeader().getKeyId()).isEqualTo(keys.kid());
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
		Claims claims = jws.getPayload();
		assertThat(claims.getIssuer()).isEqualTo("chatline-auth");
		assertThat(claims.getAudience()).containsExactly("chatline");
		assertThat(claims.getSubject()).isEqualTo(user.toString());
		assertThat(claims.get(TokenTypes.CLAIM_TYPE, String.class)).isEqualTo(TokenTypes.ACCESS);
		assertThat(claims.get(TokenTypes.CLAIM_USERNAME, String.class)).isEqualTo("john_doe");
		assertThat(claims.get(TokenTypes.CLAIM_ROLE, String.class)).isEqualTo("USER");
		assertThat(claims.get(TokenTypes.CLAIM_SESSION, String.class)).isEqualTo(session.toString());
		assertThat(claims.getId()).isEqualTo(token.id().toString());
		assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));

		AuthenticatedUser caller = verifier.verifyAccessToken(token.value());
		assertThat(caller.id()).isEqualTo(user);
		assertThat(caller.sessionId()).isEqualTo(session);
	}

	@Test
	void mintsSevenDayRefreshTokensThatAreNeverAccessTokens() {
		UUID tokenId = UUID.randomUUID();

		TokenIssuer.IssuedToken refresh = issuer.refresh(UUID.randomUUID(), UUID.randomUUID(), tokenId);

		Claims claims = verifier.verify(refresh.value(), TokenTypes.REFRESH);
		assertThat(claims.getId()).isEqualTo(tokenId.toString());
		assertThat(claims.get(TokenTypes.CLAIM_USERNAME)).isNull();
		assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
			.isEqualTo(Duration.ofDays(7));
		assertThatThrownBy(() -> verifier.verifyAccessToken(refresh.value())).isInstanceOf(ApiException.class);
		String access = issuer.access(UUID.randomUUID(), "a_b", "USER", UUID.randomUUID()).value();
		assertThatThrownBy(() -> verifier.verify(access, TokenTypes.REFRESH)).isInstanceOf(ApiException.class);
	}

	@Test
	void issuesTokensThatExpire() {
		TokenIssuer past = new TokenIssuer(keys, "chatline-auth", "chatline", Duration.ofMinutes(15),
				Duration.ofDays(7), Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), java.time.ZoneOffset.UTC));

		String token = past.access(UUID.randomUUID(), "old", "USER", UUID.randomUUID()).value();

		assertThatThrownBy(() -> verifier.verifyAccessToken(token)).hasMessage("Token expired");
	}

	@Test
	void hashesTokensWithSha256Hex() {
		assertThat(TokenHash.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}
}
