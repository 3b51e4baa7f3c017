package org.chatline.realtime.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** group-service's internal API (no token: {@code /internal/**} is never routed by the gateway). */
class GroupServiceClient {

	private static final Logger log = LoggerFactory.getLogger(GroupServiceClient.class);

	private final RestClient rest;

	GroupServiceClient(RestClient rest) {
		this.rest = rest;
	}

	/** The ids of the user's groups, or empty when group-service could not answer. */
	Optional<List<UUID>> groupsOf(UUID userId) {
		try {
			UserGroupsResponse response = rest.get()
				.uri("/internal/users/{userId}/groups", userId)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(UserGroupsResponse.class);
			if (response == null || response.data() == null || response.data().groupIds() == null) {
				log.warn("group-service answered no group list for user {}", userId);
				return Optional.empty();
			}
			return Optional.of(response.data().groupIds());
		}
		catch (RestClientException ex) {
			log.warn("group-service unavailable, user {} gets only their user room: {}", userId, ex.getMessage());
			return Optional.empty();
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserGroupsResponse(boolean success, UserGroups data) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserGroups(UUID userId, List<UUID> groupIds) {
	}
}
