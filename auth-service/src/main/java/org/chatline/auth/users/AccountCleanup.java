package org.chatline.auth.users;

import java.util.UUID;

import org.chatline.auth.credentials.CredentialService;
import org.chatline.auth.session.SessionService;
import org.chatline.common.outbox.ProcessedEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When user-service deletes a user, their credentials and every session go too. */
@Service
class AccountCleanup {

	private final ProcessedEvents processed;

	private final CredentialService credentials;

	private final SessionService sessions;

	AccountCleanup(ProcessedEvents processed, CredentialService credentials, SessionService sessions) {
		this.processed = processed;
		this.credentials = credentials;
		this.sessions = sessions;
	}

	@Transactional
	public void userDeleted(UUID eventId, UUID userId) {
		if (!processed.firstDelivery(eventId)) {
			return;
		}
		sessions.deleteAll(userId);
		credentials.delete(userId);
	}
}
