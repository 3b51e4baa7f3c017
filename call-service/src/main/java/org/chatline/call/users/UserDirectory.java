package org.chatline.call.users;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which users exist, and their names, emails and avatars: the local projection of
 * {@code chat.users.v1}, and on a miss (a user who registered a moment ago, before the event
 * arrived) the owner, user-service.
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
	 * The users that exist among {@code ids}; absent ones do not exist (or were deleted). Throws a
	 * 503 {@link ApiException} when a user is unknown here and user-service cannot be asked.
	 */
	public Map<UUID, UserProfile> findAll(Collection<UUID> ids) {
		Map<UUID, UserProfile> found = new LinkedHashMap<>();
		Set<UUID> seen = new HashSet<>();
		List<Known> rows = jdbc.sql("select id, username, email, avatar, deleted from known_user where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, row) -> new Known(new UserProfile(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("email"), rs.getString("avatar")), rs.getBoolean("deleted")))
			.list();
		for (Known known : rows) {
			seen.add(known.profile().id());
			if (!known.deleted()) {
				found.put(known.profile().id(), known.profile());
			}
		}
		for (UUID id : ids) {
			if (!seen.contains(id)) {
				askOwner(id).ifPresent(profile -> found.put(id, profile));
			}
		}
		return found;
	}

	public Optional<UserProfile> find(UUID id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	private Optional<UserProfile> askOwner(UUID userId) {
		try {
			JsonNode body = userService.get().uri("/internal/users/{id}", userId).retrieve().body(JsonNode.class);
			// user-service answers with the contract's envelope; accept a bare user too.
			JsonNode user = body != null && body.path("data").isObject() ? body.get("data") : body;
			if (user == null || !user.path("id").isString()) {
				return Optional.empty();
			}
			UserProfile profile = new UserProfile(userId, text(user, "username"), text(user, "email"),
					text(user, "avatar"));
			remember(profile);
			return Optional.of(profile);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("user-service could not confirm user {}: {}", userId, ex.toString());
			throw ApiException.unavailable("User directory is unavailable, please retry");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	private void remember(UserProfile user) {
		jdbc.sql("""
				insert into known_user (id, username, email, avatar) values (?, ?, ?, ?)
				on conflict (id) do update set username = excluded.username, email = excluded.email,
				    avatar = excluded.avatar""")
			.params(user.id(), user.username(), user.email(), user.avatar())
			.update();
	}

	void registered(UUID id, String username, String email) {
		jdbc.sql("""
				insert into known_user (id, username, email) values (?, ?, ?)
				on conflict (id) do update set username = excluded.username, email = excluded.email""")
			.params(id, username, email)
			.update();
	}

	/** {@code UserUpdated} carries the profile as it now is: username and avatar (email does not change). */
	void updated(UUID id, String username, String avatar) {
		jdbc.sql("""
				insert into known_user (id, username, avatar) values (?, ?, ?)
				on conflict (id) do update set username = coalesce(excluded.username, known_user.username),
				    avatar = excluded.avatar""")
			.params(id, username, avatar)
			.update();
	}

	private record Known(UserProfile profile, boolean deleted) {
	}

	void forget(UUID id) {
		jdbc.sql("insert into known_user (id, deleted) values (?, true) on conflict (id) do update set deleted = true")
			.param(id)
			.update();
	}
}
