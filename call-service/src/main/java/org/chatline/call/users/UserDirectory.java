package org.chatline.call.users;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chatline.common.api.ApiException;
import org.chatline.common.projection.KnownUser;
import org.chatline.common.projection.KnownUsers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;

/**
 * Which users exist, and the names, e-mails and avatars put into Jitsi tokens: common-lib's
 * known-user projection (its merge rule, and user-service asked on a miss), with this service's
 * user-service client.
 */
@Component
public class UserDirectory extends KnownUsers {

	UserDirectory(JdbcClient jdbc, RestClient userServiceClient, PlatformTransactionManager transactionManager) {
		super(jdbc, userServiceClient, transactionManager);
	}

	/**
	 * The users that exist among {@code ids}; absent ones do not exist (or were deleted).
	 * @throws ApiException 503 when a user is unknown here and user-service cannot be asked
	 */
	public Map<UUID, UserProfile> findAll(Collection<UUID> ids) {
		return known(ids).values().stream().collect(Collectors.toMap(KnownUser::id, UserDirectory::profile));
	}

	public Optional<UserProfile> find(UUID id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	private static UserProfile profile(KnownUser user) {
		return new UserProfile(user.id(), user.username(), user.email(), user.avatar());
	}
}
