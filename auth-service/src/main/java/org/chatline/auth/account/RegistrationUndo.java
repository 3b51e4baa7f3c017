package org.chatline.auth.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chatline.auth.users.UserServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes in user-service the users of registrations that did not finish, durably: the user id is
 * recorded ({@code pending_user_deletion}) before user-service creates the user and forgotten with
 * the credentials, so a row left over survives a crash and is retried until user-service confirms
 * the deletion (a 404 counts: the user is gone or was never created). No transaction is held while
 * user-service is called.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(RegistrationUndoProperties.class)
class RegistrationUndo {

	private static final Logger log = LoggerFactory.getLogger(RegistrationUndo.class);

	private static final int BATCH = 50;

	private final JdbcTemplate jdbc;

	private final UserServiceClient users;

	private final RegistrationUndoProperties properties;

	RegistrationUndo(JdbcTemplate jdbc, UserServiceClient users, RegistrationUndoProperties properties) {
		this.jdbc = jdbc;
		this.users = users;
		this.properties = properties;
	}

	/** Before the user is created: from now on an unfinished registration gets undone. */
	void expect(UUID userId) {
		jdbc.update("insert into pending_user_deletion (user_id, attempt_after) values (?, now() + ?::interval)",
				userId, interval(properties.grace()));
	}

	/** The registration finished; called in the transaction that stores the credentials. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(UUID userId) {
		jdbc.update("delete from pending_user_deletion where user_id = ?", userId);
	}

	/** user-service refused the user (400, 409): nothing was created, nothing to undo. */
	void cancel(UUID userId) {
		jdbc.update("delete from pending_user_deletion where user_id = ?", userId);
	}

	/** Deletes the user now; if user-service does not confirm, the retry job tries again. */
	void undoNow(UUID userId) {
		attempt(userId);
	}

	/**
	 * user-service did not answer the creation in time: it may still create the user, so the
	 * deletion waits one retry interval rather than racing the creation.
	 */
	void undoLater(UUID userId) {
		try {
			postpone(userId);
		}
		catch (DataAccessException ex) {
			// The row stays due after its grace: the retry job deletes the user then.
			log.warn("Could not postpone the pending deletion of user {}: {}", userId, ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${chat.auth.registration-undo.retry-interval:10s}",
			initialDelayString = "${chat.auth.registration-undo.retry-interval:10s}")
	void retryDue() {
		try {
			for (UUID userId : claimDue()) {
				attempt(userId);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not read the pending user deletions: {}", ex.getMessage());
		}
	}

	/**
	 * Takes the due rows and moves their next attempt one interval on, in one statement: another
	 * replica's job skips them, and a process that dies now leaves them due again later.
	 */
	private List<UUID> claimDue() {
		return jdbc.queryForList("""
				update pending_user_deletion set attempts = attempts + 1, attempt_after = now() + ?::interval
				where user_id in (select user_id from pending_user_deletion where attempt_after <= now()
				                  order by attempt_after limit ? for update skip locked)
				returning user_id""", UUID.class, interval(properties.retryInterval()), BATCH);
	}

	private void attempt(UUID userId) {
		boolean deleted = users.delete(userId);
		try {
			if (deleted) {
				jdbc.update("delete from pending_user_deletion where user_id = ?", userId);
				log.info("Undid the unfinished registration of user {} in user-service", userId);
			}
			else {
				postpone(userId);
				log.warn("Could not undo the registration of user {} in user-service yet; retrying in {}", userId,
						properties.retryInterval());
			}
		}
		catch (DataAccessException ex) {
			// The row stays, due after its grace at the latest: the job deletes the user again (idempotent).
			log.warn("Could not update the pending deletion of user {}: {}", userId, ex.getMessage());
		}
	}

	private void postpone(UUID userId) {
		jdbc.update("update pending_user_deletion set attempt_after = now() + ?::interval where user_id = ?",
				interval(properties.retryInterval()), userId);
	}

	private static String interval(Duration duration) {
		return duration.toMillis() + " milliseconds";
	}
}
