package org.chatline.auth.account;

import java.time.Instant;
import java.util.UUID;

import org.chatline.auth.session.TokenPair;
import org.chatline.auth.users.UserAccount;

/** The contract's response bodies for the auth endpoints. */
final class AuthResponses {

	private AuthResponses() {
	}

	/** {@code register}: the new user. */
	record RegisteredUser(UUID id, String username, String email, String avatar, String statusMessage, String role,
			boolean isOnline, Instant lastSeen, Instant createdAt, Instant updatedAt) {

		static RegisteredUser of(UserAccount u) {
			return new RegisteredUser(u.id(), u.username(), u.email(), u.avatar(), u.statusMessage(), u.role(),
					u.isOnline(), u.lastSeen(), u.createdAt(), u.updatedAt());
		}
	}

	/** {@code login}: the user and a token pair. */
	record LoginResult(LoginUser user, String accessToken, String refreshToken) {

		static LoginResult of(UserAccount u, TokenPair tokens) {
			return new LoginResult(
					new LoginUser(u.id(), u.username(), u.email(), u.role(), u.isOnline(), u.lastSeen()),
					tokens.accessToken(), tokens.refreshToken());
		}
	}

	record LoginUser(UUID id, String username, String email, String role, boolean isOnline, Instant lastSeen) {
	}

	/** {@code me}: the caller's profile. */
	record Me(UUID id, String username, String email, String avatar, String statusMessage, String role,
			boolean isOnline, Instant lastSeen) {

		static Me of(UserAccount u) {
			return new Me(u.id(), u.username(), u.email(), u.avatar(), u.statusMessage(), u.role(), u.isOnline(),
					u.lastSeen());
		}
	}
}
