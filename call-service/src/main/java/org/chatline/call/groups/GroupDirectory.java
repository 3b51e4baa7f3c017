package org.chatline.call.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Group membership, asked of its owner, group-service, every time: who is invited to a group call
 * must be the membership as it is now (a member removed a moment ago is not rung).
 */
@Component
public class GroupDirectory {

	private static final Logger log = LoggerFactory.getLogger(GroupDirectory.class);

	private final RestClient groupService;

	GroupDirectory(RestClient groupServiceClient) {
		this.groupService = groupServiceClient;
	}

	/**
	 * The group's member ids. Throws a 404 {@link ApiException} when the group does not exist, a 503
	 * one when group-service cannot be asked.
	 */
	public List<UUID> members(UUID groupId) {
		JsonNode body;
		try {
			body = groupService.get()
				.uri("/internal/groups/{groupId}/members", groupId)
				.retrieve()
				.body(JsonNode.class);
		}
		catch (HttpClientErrorException.NotFound ex) {
			throw ApiException.notFound("Group not found");
		}
		catch (RestClientException | IllegalStateException ex) {
			log.warn("group-service could not list the members of group {}: {}", groupId, ex.toString());
			throw ApiException.unavailable("Group directory is unavailable, please retry");
		}
		// Accept both {groupId, memberIds} and the contract's envelope around it.
		JsonNode group = body != null && body.path("data").isObject() ? body.get("data") : body;
		JsonNode ids = group == null ? null : group.get("memberIds");
		if (ids == null || !ids.isArray()) {
			log.warn("group-service answered without memberIds for group {}", groupId);
			throw ApiException.unavailable("Group directory is unavailable, please retry");
		}
		List<UUID> members = new ArrayList<>();
		for (JsonNode id : ids) {
			try {
				members.add(UUID.fromString(id.asString()));
			}
			catch (IllegalArgumentException ex) {
				log.warn("group-service listed a malformed member id for group {}", groupId);
			}
		}
		return members;
	}
}
