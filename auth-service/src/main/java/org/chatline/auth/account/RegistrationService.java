package org.chatline.auth.account;

import java.util.UUID;

import org.chatline.auth.credentials.CredentialService;
import org.chatline.auth.users.UserAccount;
import org.chatline.auth.users.UserServiceClient;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DatabaseErrors;
import org.chatline.common.api.ErrorCode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration spans two services: the user in user-service, then the credentials here. If the
 * second step fails, the user is deleted again, so no account exists that nobody can log in to; that
 * undo is recorded before the first step ({@link RegistrationUndo}) and so survives a crash.
 */
@Service
class RegistrationService {

	private final UserServiceClient users;

	private final CredentialService credentials;

	private final RegistrationUndo undo;

	private final TransactionTemplate tx;

	RegistrationService(UserServiceClient users, CredentialService credentials, RegistrationUndo undo,
			PlatformTransactionManager transactionManager) {
		this.users = users;
		this.credentials = credentials;
		this.undo = undo;
		this.tx = new TransactionTemplate(transactionManager);
	}

	UserAccount register(RegisterRequest request) {
		String passwordHash = credentials.hash(request.password());
		UUID id = UUID.randomUUID();
		undo.expect(id);
		UserAccount user;
		try {
			user = users.create(id, request.username(), request.email().trim());
		}
		catch (ApiException ex) {
			if (ex.code() == ErrorCode.SERVICE_UNAVAILABLE) {
				// A timeout may hide a user that was created after all.
				undo.undoLater(id);
			}
			else {
				undo.cancel(id);
			}
			throw ex;
		}
		try {
			// The credentials and the end of the pending undo commit together: one or the other holds.
			tx.executeWithoutResult(status -> {
				credentials.store(id, request.email(), passwordHash);
				undo.forget(id);
			});
		}
		catch (RuntimeException ex) {
			undo.undoNow(id);
			if (ex instanceof DataIntegrityViolationException) {
				throw DatabaseErrors.invalidText(ex) ? DatabaseErrors.invalidTextError()
						: ApiException.conflict("Email already registered");
			}
			throw ex;
		}
		return user;
	}
}
