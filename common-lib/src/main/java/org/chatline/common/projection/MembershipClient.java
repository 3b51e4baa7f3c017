package org.chatline.common.projection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.ApiResponse;
import org.chatline.group.api.GroupMemberResponse;
import org.chatline.group.api.GroupMembersResponse;
import org.chatline.group.api.UserGroupsResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Group membership as its owner, group-service, says it now is ({@code /internal/**}, group-api's
 * records), asked the way of {@link OwnerClient}: outside any transaction, one timeout policy, a 503
 * ({@link ApiException}) when group-service cannot answer. The read-through of every service that
 * needs memberships, whether it keeps a copy or not.
 */
public class MembershipClient {

	private static final ParameterizedTypeReference<ApiResponse<GroupMemberResponse>> MEMBER = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ApiResponse<GroupMembersResponse>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ApiResponse<UserGroupsResponse>> GROUPS = new ParameterizedTypeReference<>() {
	};

	private final OwnerClient groupService;

	public MembershipClient(RestClient groupServiceClient) {
		this.groupService = new OwnerClient(groupServiceClient, "Group directory");
	}

	/** The user's membership of the group; empty when they are not a member (or there is no such group). */
	public Optional<GroupMemberResponse> member(UUID groupId, UUID userId) {
		return groupService.get(MEMBER, "/internal/groups/{groupId}/members/{userId}", groupId, userId);
	}

	/** Every member of the group; empty when there is no such group. */
	public Optional<List<UUID>> members(UUID groupId) {
		return groupService.get(MEMBERS, "/internal/groups/{groupId}/members", groupId)
			.map(GroupMembersResponse::memberIds);
	}

	/** The ids of the groups the user is a member of. */
	public List<UUID> groupsOf(UUID userId) {
		return groupService.get(GROUPS, "/internal/users/{userId}/groups", userId)
			.map(UserGroupsResponse::groupIds)
			.orElse(List.of());
	}
}
