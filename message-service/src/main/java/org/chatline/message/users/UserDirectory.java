package org.chatline.message.users;

import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which users exist: the local projection of {@code chat.users.v1}, and on a miss (a user who
 * registered a moment ago, before the event arrived) the owner, user-service.
 * <p>
 * A miss calls the owner over HTTP: ask before opening a transaction, never inside one. What the
 * owner says is written in a transaction of its own.
 */
@Component
public class UserDirectory {

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	private final JdbcClient jdbc;

	private final RestClient userService;

	private final TransactionTemplate ownTransaction;

	UserDirectory(JdbcClient jdbc, RestClient userServiceClient, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.userService = userServiceClient;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public boolean exists(UUID userId) {
		Boolean deleted = jdbc.sql("select deleted from known_user where id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(null);
		if (deleted != null) {
			return !deleted;
		}
		return askOwner(userId);
	}

	private boolean askOwner(UUID userId) {
		outsideTransaction();
		try {
			UserEnvelope reply = userService.get().uri("/internal/users/{id}", userId).retrieve().body(UserEnvelope.class);
			UserView user = reply == null ? null : reply.data();
			if (user == null) {
				return false;
			}
			ownTransaction.executeWithoutResult(status -> remember(userId, user.username()));
			return true;
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("user-service could not confirm user {}: {}", userId, ex.toString());
			throw ApiException.unavailable("User directory is unavailable, please retry");
		}
	}

	void remember(UUID userId, String username) {
		jdbc.sql("insert into known_user (id, username) values (?, ?) on conflict (id) do update set username = excluded.username")
			.params(userId, username)
			.update();
	}

	void forget(UUID userId) {
		jdbc.sql("insert into known_user (id, deleted) values (?, true) on conflict (id) do update set deleted = true")
			.param(userId)
			.update();
	}

	record UserView(UUID id, String username) {
	}

	/** Internal answers use the public envelope: {@code {success, data}}. */
	record UserEnvelope(UserView data) {
	}

	/** A caller's transaction would hold a pooled connection (and its locks) while the owner answers. */
	private static void outsideTransaction() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Ask the owner before opening a transaction, not inside one");
		}
	}
}
