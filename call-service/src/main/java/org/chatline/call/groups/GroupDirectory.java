package org.chatline.call.groups;

import java.util.List;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.projection.MembershipClient;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Group membership, asked of its owner, group-service, every time (common-lib's
 * {@link MembershipClient}): who is invited to a group call must be the membership as it is now (a
 * member removed a moment ago is not rung).
 */
@Component
public class GroupDirectory {

	private final MembershipClient groupService;

	GroupDirectory(RestClient groupServiceClient) {
		this.groupService = new MembershipClient(groupServiceClient);
	}

	/**
	 * The group's member ids. Throws a 404 {@link ApiException} when the group does not exist, a 503
	 * one when group-service cannot be asked.
	 */
	public List<UUID> members(UUID groupId) {
		return groupService.members(groupId).orElseThrow(() -> ApiException.notFound("Group not found"));
	}
}
