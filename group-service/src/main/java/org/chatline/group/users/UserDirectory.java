package org.chatline.group.users;

import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which users exist: the local projection of {@code chat.users.v1}, and on a miss (a user who
 * registered a moment ago, before the event arrived) the owner, user-service.
 */
@Component
public class UserDirectory {

	private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

	private final JdbcClient jdbc;

	private final RestClient userService;

	UserDirectory(JdbcClient jdbc, RestClient userServiceClient) {
		this.jdbc = jdbc;
		this.userService = userServiceClient;
	}

	/**
	 * Whether the user exists; asks user-service when the projection has never heard of them.
	 * @throws ApiException 503 when user-service cannot be asked
	 */
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

	/**
	 * Re-checks a user inside the caller's transaction and holds a share lock on their row until it
	 * ends, so a concurrent {@code UserDeleted} (which updates that row) waits for the membership
	 * being written, or is seen by it. Take this lock before any group lock: the deletion handler
	 * locks in the same order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lockIfExists(UUID userId) {
		return jdbc.sql("select deleted from known_user where id = ? for share")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.map(deleted -> !deleted)
			.orElse(false);
	}

	/**
	 * For the caller of a request, whose valid token proves they registered: records them as known
	 * and tells whether they are still alive (false once UserDeleted has arrived). The upsert holds
	 * their row lock until the transaction ends, with the same effect as {@link #lockIfExists}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean confirmCaller(UUID userId, String username) {
		return jdbc.sql("""
				insert into known_user (id, username) values (?, ?)
				on conflict (id) do update set username = coalesce(known_user.username, excluded.username)
				returning not deleted""")
			.params(userId, username)
			.query(Boolean.class)
			.single();
	}

	private boolean askOwner(UUID userId) {
		try {
			JsonNode reply = userService.get().uri("/internal/users/{id}", userId).retrieve().body(JsonNode.class);
			// user-service answers with the {success, data} envelope; a bare user is accepted as well.
			JsonNode user = reply == null ? null : reply.has("data") ? reply.get("data") : reply;
			if (user == null || user.isNull()) {
				return false;
			}
			remember(userId, user.has("username") ? user.get("username").asString() : null);
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

	public void remember(UUID userId, String username) {
		jdbc.sql("""
				insert into known_user (id, username) values (?, ?)
				on conflict (id) do update set username = coalesce(excluded.username, known_user.username)""")
			.params(userId, username)
			.update();
	}

	/** Marks the user gone for good; a later UserRegistered for the same id cannot revive them. */
	public void forget(UUID userId) {
		jdbc.sql("insert into known_user (id, deleted) values (?, true) on conflict (id) do update set deleted = true")
			.param(userId)
			.update();
	}
}
