package org.chatline.auth.account;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.jsonwebtoken.Claims;
import org.chatline.auth.account.AuthResponses.LoginResult;
import org.chatline.auth.credentials.CredentialService;
import org.chatline.auth.session.SessionService;
import org.chatline.auth.session.TokenPair;
import org.chatline.auth.users.UserAccount;
import org.chatline.auth.users.UserServiceClient;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DatabaseErrors;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.TokenTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Orchestrates the auth flows across user-service (the user) and this service's own store
 * (credentials, sessions). Never holds a database transaction while calling user-service.
 */
@Service
class AuthService {

	static final String BAD_CREDENTIALS = "Invalid email or password";

	private static final Logger log = LoggerFactory.getLogger(AuthService.class);

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

	/**
	 * Creates the user in user-service, then stores the credentials; if that second step fails the
	 * user is deleted again, so no account exists that nobody can log in to.
	 */
	UserAccount register(RegisterRequest request) {
		String passwordHash = credentials.hash(request.password());
		UUID id = UUID.randomUUID();
		UserAccount user;
		try {
			user = users.create(id, request.username(), request.email().trim());
		}
		catch (ApiException ex) {
			if (ex.code() == ErrorCode.SERVICE_UNAVAILABLE) {
				// A timeout may hide a user that was created after all: undo it in the background.
				CompletableFuture.runAsync(() -> compensate(id));
			}
			throw ex;
		}
		try {
			credentials.store(id, request.email(), passwordHash);
		}
		catch (RuntimeException ex) {
			compensate(id);
			if (ex instanceof DataIntegrityViolationException) {
				throw DatabaseErrors.invalidText(ex) ? DatabaseErrors.invalidTextError()
						: ApiException.conflict("Email already registered");
			}
			throw ex;
		}
		return user;
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
		return users.find(callerId).orElseThrow(() -> ApiException.notFound("User not found"));
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

	private void compensate(UUID id) {
		if (!users.delete(id)) {
			log.error("Could not undo the registration of user {} in user-service; delete it by hand", id);
		}
	}
}
