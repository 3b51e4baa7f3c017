package org.chatline.group.groups;

import java.util.UUID;

import org.chatline.common.api.ApiResponse;
import org.chatline.common.security.ServiceCaller;
import org.chatline.group.api.GroupMemberResponse;
import org.chatline.group.api.GroupMembersResponse;
import org.chatline.group.api.UserGroupsResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service reads (never routed by the gateway; a service token required, a user's access
 * token refused, see common-lib's {@code AuthenticationFilter}): message-service,
 * call-service and realtime-service ask here when their membership projection misses;
 * attachment-service asks on every download of a group's attachment. Answers use
 * the same envelope as the public API: {@code {success, data}}, errors {@code {success:false, message, code}}.
 */
@RestController
class InternalGroupController {

	/** The services that keep a copy of memberships and ask here on a miss; nobody else has a reason to. */
	private static final String[] CALLERS = { "message-service", "call-service", "realtime-service",
			"attachment-service" };

	private final MembershipService memberships;

	InternalGroupController(MembershipService memberships) {
		this.memberships = memberships;
	}

	@GetMapping("/internal/groups/{groupId}/members/{userId}")
	ApiResponse<GroupMemberResponse> member(ServiceCaller caller, @PathVariable UUID groupId, @PathVariable UUID userId) {
		caller.require(CALLERS);
		return ApiResponse.ok(memberships.member(groupId, userId));
	}

	@GetMapping("/internal/groups/{groupId}/members")
	ApiResponse<GroupMembersResponse> members(ServiceCaller caller, @PathVariable UUID groupId) {
		caller.require(CALLERS);
		return ApiResponse.ok(memberships.members(groupId));
	}

	@GetMapping("/internal/users/{userId}/groups")
	ApiResponse<UserGroupsResponse> groupsOf(ServiceCaller caller, @PathVariable UUID userId) {
		caller.require(CALLERS);
		return ApiResponse.ok(memberships.groupsOf(userId));
	}
}
