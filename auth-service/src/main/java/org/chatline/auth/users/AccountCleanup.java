package org.chatline.auth.users;

import java.util.UUID;

import org.chatline.auth.credentials.CredentialService;
import org.chatline.auth.session.SessionService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When user-service deletes a user, their credentials and every session go too. */
@Service
class AccountCleanup {

	private final CredentialService credentials;

	private final SessionService sessions;

	AccountCleanup(CredentialService credentials, SessionService sessions) {
		this.credentials = credentials;
		this.sessions = sessions;
	}

	@Transactional
	public void userDeleted(UUID userId) {
		sessions.deleteAll(userId);
		credentials.delete(userId);
	}
}
