package org.chatline.realtime.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.projection.MembershipClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.RestClient;

/** A user's groups, asked of group-service through common-lib's {@link MembershipClient}. */
class GroupServiceClient {

	private static final Logger log = LoggerFactory.getLogger(GroupServiceClient.class);

	private final MembershipClient groupService;

	GroupServiceClient(RestClient groupServiceClient) {
		this.groupService = new MembershipClient(groupServiceClient);
	}

	/** The ids of the user's groups, or empty when group-service could not answer. */
	Optional<List<UUID>> groupsOf(UUID userId) {
		try {
			return Optional.of(groupService.groupsOf(userId));
		}
		catch (ApiException ex) {
			log.warn("group-service unavailable, user {} gets only their user room", userId);
			return Optional.empty();
		}
	}
}
