package org.chatline.auth.account;

import java.util.UUID;

import io.jsonwebtoken.Claims;
import org.chatline.auth.account.AuthResponses.LoginResult;
import org.chatline.auth.credentials.CredentialService;
import org.chatline.auth.session.SessionService;
import org.chatline.auth.session.TokenPair;
import org.chatline.auth.users.UserAccount;
import org.chatline.auth.users.UserServiceClient;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DomainException;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.TokenTypes;

import org.springframework.stereotype.Service;

/**
 * Orchestrates login and sessions across user-service (the user) and this service's own store
 * (credentials, sessions). Never holds a database transaction while calling user-service.
 */
@Service
class AuthService {

	static final String BAD_CREDENTIALS = "Invalid email or password";

	private final UserServiceClient users;

	private final CredentialService credentials;

	private final SessionService sessions;

	private final JwtVerifier verifier;

	AuthService(UserServiceClient users, CredentialService credentials, SessionService sessions,
			JwtVerifier verifier) {
		this.users = users;
		this.credentials = credentials;
		this.sessions = sessions;
		this.verifier = verifier;
	}

	LoginResult login(LoginRequest request) {
		UUID userId = credentials.authenticate(request.email(), request.password())
			.orElseThrow(() -> ApiException.unauthorized(BAD_CREDENTIALS));
		// Credentials whose user is gone (the UserDeleted event not consumed yet) log nobody in.
		UserAccount user = users.find(userId).orElseThrow(() -> ApiException.unauthorized(BAD_CREDENTIALS));
		return LoginResult.of(user, sessions.open(user.id(), user.username(), user.role()));
	}

	/** Rotates the refresh token; username and role come fresh from user-service. */
	TokenPair refresh(String refreshToken) {
		UUID userId = subject(refreshToken);
		UserAccount user = users.find(userId).orElseThrow(() -> {
			sessions.revokeAll(userId);
			return ApiException.unauthorized("Invalid refresh token");
		});
		return sessions.rotate(refreshToken, user.id(), user.username(), user.role());
	}

	void logout(UUID callerId, String refreshToken) {
		if (!subject(refreshToken).equals(callerId)) {
			throw ApiException.unauthorized("Invalid refresh token");
		}
		sessions.revoke(refreshToken, callerId);
	}

	void logoutAll(UUID callerId) {
		sessions.revokeAll(callerId);
	}

	UserAccount me(UUID callerId) {
		return users.find(callerId).orElseThrow(() -> DomainException.notFound("User not found"));
	}

	private UUID subject(String refreshToken) {
		Claims claims = verifier.verify(refreshToken, TokenTypes.REFRESH);
		try {
			return UUID.fromString(claims.getSubject());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.unauthorized("Invalid refresh token");
		}
	}
}
