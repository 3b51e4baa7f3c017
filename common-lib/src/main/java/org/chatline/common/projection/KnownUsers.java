package org.chatline.common.projection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.ApiResponse;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Which users exist, with their names, e-mails and avatars: the local projection of
 * {@code chat.users.v1} (table {@code known_user}, created by {@code db/projection/R__known_user.sql}),
 * and on a miss, a user who registered a moment ago, the owner: user-service's
 * {@code GET /internal/users/{id}}, asked through {@link OwnerClient}.
 * <p>
 * <b>The merge rule</b>, the one every service that keeps users follows:
 * <ol>
 * <li>Events are applied in their order, which Kafka keeps per user (the key is the user id).</li>
 * <li>A field an event does not carry keeps its old value. {@code UserRegistered} carries the username
 * and e-mail; {@code UserUpdated} the username and avatar, as the profile now is (a null avatar was
 * removed). A null username is never applied: every user has one.</li>
 * <li>A deletion is sticky: no later event or answer brings the user back.</li>
 * <li>What the owner answers, or a caller's valid token says, only fills a miss (insert, on conflict
 * do nothing): it may be older than an event applied meanwhile and must not overwrite it; the events
 * that follow correct it.</li>
 * </ol>
 * Every write is idempotent, so a redelivered event changes nothing.
 */
public class KnownUsers {

	private static final ParameterizedTypeReference<ApiResponse<UserResponse>> USER = new ParameterizedTypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final OwnerClient userService;

	private final TransactionTemplate ownTransaction;

	public KnownUsers(JdbcClient jdbc, RestClient userServiceClient, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.userService = new OwnerClient(userServiceClient, "User directory");
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Whether the user exists (false once deleted).
	 * @throws ApiException 503 when the user is unknown here and user-service cannot be asked
	 */
	public boolean exists(UUID userId) {
		return known(userId).isPresent();
	}

	public Optional<KnownUser> known(UUID userId) {
		return Optional.ofNullable(known(List.of(userId)).get(userId));
	}

	/**
	 * The users that exist among {@code ids}; absent ones do not, or were deleted. A user this
	 * projection never heard of is asked of user-service, so call it outside any transaction.
	 * @throws ApiException 503 when a user is unknown here and user-service cannot be asked
	 */
	public Map<UUID, KnownUser> known(Collection<UUID> ids) {
		Map<UUID, Row> rows = read(ids);
		Map<UUID, KnownUser> found = new LinkedHashMap<>();
		for (UUID id : ids) {
			Row row = rows.containsKey(id) ? rows.get(id) : askOwner(id);
			if (row != null && !row.deleted()) {
				found.put(id, row.user());
			}
		}
		return found;
	}

	/**
	 * Which of {@code ids} this projection knows as existing, without asking user-service: safe
	 * inside a transaction. An id missing from the answer is unknown here or deleted; {@link #exists}
	 * tells which (outside any transaction).
	 */
	public Set<UUID> knownAlive(Collection<UUID> ids) {
		return jdbc.sql("select id from known_user where id = any(?) and not deleted")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.set();
	}

	/** Applies an event of {@code chat.users.v1} by the merge rule. */
	public void apply(UserEvent event) {
		if (event instanceof UserEvent.UserRegistered user) {
			jdbc.sql("""
					insert into known_user (id, username, email) values (?, ?, ?)
					on conflict (id) do update set username = coalesce(excluded.username, known_user.username),
					    email = coalesce(excluded.email, known_user.email)""")
				.params(user.id(), user.username(), user.email())
				.update();
		}
		else if (event instanceof UserEvent.UserUpdated user) {
			jdbc.sql("""
					insert into known_user (id, username, avatar) values (?, ?, ?)
					on conflict (id) do update set username = coalesce(excluded.username, known_user.username),
					    avatar = excluded.avatar""")
				.params(user.id(), user.username(), user.avatar())
				.update();
		}
		else if (event instanceof UserEvent.UserDeleted user) {
			forget(user.id());
		}
	}

	/** Marks the user gone for good (sticky: nothing later revives them). */
	public void forget(UUID userId) {
		jdbc.sql("insert into known_user (id, deleted) values (?, true) on conflict (id) do update set deleted = true")
			.param(userId)
			.update();
	}

	/**
	 * For the caller of a request, whose valid token proves they registered: fills a miss with them
	 * (the merge rule's read-through case) and then, as {@link #lockIfExists}, locks their row for the
	 * caller's transaction and tells whether they are still alive (false once deleted).
	 */
	public boolean confirmCaller(UUID userId, String username) {
		requireTransaction();
		fill(userId, username, null, null);
		return lockIfExists(userId);
	}

	/**
	 * Re-checks a user inside the caller's transaction and holds a share lock on their row until it
	 * ends, so a concurrent deletion (which updates that row) waits for what the caller writes, or is
	 * seen by it. False for a user never heard of.
	 */
	public boolean lockIfExists(UUID userId) {
		requireTransaction();
		return jdbc.sql("select deleted from known_user where id = ? for share")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.map(deleted -> !deleted)
			.orElse(false);
	}

	private Row askOwner(UUID userId) {
		Optional<UserResponse> answer = userService.get(USER, "/internal/users/{id}", userId);
		if (answer.isEmpty()) {
			return null;
		}
		UserResponse user = answer.get();
		// An event may have been applied while the owner answered: what is stored now is the truth.
		return ownTransaction.execute(status -> {
			fill(userId, user.username(), user.email(), user.avatar());
			return read(List.of(userId)).get(userId);
		});
	}

	private void fill(UUID userId, String username, String email, String avatar) {
		jdbc.sql("insert into known_user (id, username, email, avatar) values (?, ?, ?, ?) on conflict (id) do nothing")
			.params(userId, username, email, avatar)
			.update();
	}

	private Map<UUID, Row> read(Collection<UUID> ids) {
		return jdbc.sql("select id, username, email, avatar, deleted from known_user where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> new Row(new KnownUser(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("email"), rs.getString("avatar")), rs.getBoolean("deleted")))
			.list()
			.stream()
			.collect(Collectors.toMap(row -> row.user().id(), Function.identity()));
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Locks a row for the caller's transaction: call it inside one");
		}
	}

	private record Row(KnownUser user, boolean deleted) {
	}
}
