package org.chatline.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chatline.auth.token.TokenHash;
import org.chatline.auth.token.TokenIssuer;
import org.chatline.auth.token.TokenIssuer.IssuedToken;
import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions as refresh-token rotation families. A login opens a family; each refresh uses up one
 * token and issues the next; presenting a used token again means it leaked, so the whole family is
 * revoked (OAuth 2.0 Security BCP, refresh token reuse detection).
 */
@Service
public class SessionService {

	static final String INVALID = "Invalid refresh token";

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private final RefreshTokenRepository tokens;

	private final TokenIssuer issuer;

	private final RevokedSessionsPublisher revoked;

	private final Clock clock = Clock.systemUTC();

	SessionService(RefreshTokenRepository tokens, TokenIssuer issuer, RevokedSessionsPublisher revoked) {
		this.tokens = tokens;
		this.issuer = issuer;
		this.revoked = revoked;
	}

	/** Opens a new session (family) for a user who just proved their credentials. */
	@Transactional
	public TokenPair open(UUID userId, String username, String role) {
		return issue(userId, username, role, UUID.randomUUID());
	}

	/**
	 * Exchanges a verified refresh token for a new pair. Commits on refusal, so that the revocation
	 * of a family on reuse sticks.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public TokenPair rotate(String refreshToken, UUID userId, String username, String role) {
		RefreshToken current = tokens.findForUpdate(TokenHash.sha256(refreshToken))
			.filter(t -> t.getUserId().equals(userId))
			.orElseThrow(() -> ApiException.unauthorized(INVALID));
		Instant now = clock.instant();
		if (current.getRevokedAt() != null) {
			throw ApiException.unauthorized("Session has been revoked");
		}
		if (current.getUsedAt() != null) {
			int count = tokens.revokeFamily(current.getFamilyId(), now);
			revoked.announce(List.of(current.getFamilyId()));
			log.warn("Refresh token reuse for user {} session {}: revoked {} token(s)", userId, current.getFamilyId(),
					count);
			throw ApiException.unauthorized("Refresh token already used; session revoked");
		}
		if (!current.getExpiresAt().isAfter(now)) {
			throw ApiException.unauthorized("Refresh token expired");
		}
		current.markUsed(now);
		return issue(userId, username, role, current.getFamilyId());
	}

	/** Ends the session the refresh token belongs to; unknown or already revoked tokens change nothing. */
	@Transactional
	public void revoke(String refreshToken, UUID userId) {
		tokens.findByTokenHash(TokenHash.sha256(refreshToken))
			.filter(t -> t.getUserId().equals(userId))
			.ifPresent(t -> {
				tokens.revokeFamily(t.getFamilyId(), clock.instant());
				revoked.announce(List.of(t.getFamilyId()));
			});
	}

	@Transactional
	public int revokeAll(UUID userId) {
		revoked.announce(tokens.familiesOf(userId));
		return tokens.revokeAllOf(userId, clock.instant());
	}

	@Transactional
	public void deleteAll(UUID userId) {
		revoked.announce(tokens.familiesOf(userId));
		tokens.deleteAllOf(userId);
	}

	private TokenPair issue(UUID userId, String username, String role, UUID familyId) {
		IssuedToken refresh = issuer.refresh(userId, familyId, UUID.randomUUID());
		tokens.save(new RefreshToken(refresh.id(), userId, familyId, TokenHash.sha256(refresh.value()),
				refresh.expiresAt(), clock.instant()));
		IssuedToken access = issuer.access(userId, username, role, familyId);
		return new TokenPair(access.value(), refresh.value());
	}
}
