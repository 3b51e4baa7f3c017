package org.chatline.attachment.conversations;

import java.util.UUID;

import org.chatline.common.api.ApiResponse;
import org.chatline.common.projection.MembershipClient;
import org.chatline.common.projection.OwnerClient;
import org.chatline.user.api.UserResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Who takes part in a conversation, asked of the owners every time (never a local copy): a direct
 * conversation's partner must exist (user-service), a group's members are group-service's current
 * answer, so a member removed a moment ago loses access to the group's attachments at once. Both
 * through common-lib's read-through clients, with this service's token; 503 when an owner cannot
 * answer.
 */
@Component
public class Conversations {

	private static final ParameterizedTypeReference<ApiResponse<UserResponse>> USER = new ParameterizedTypeReference<>() {
	};

	private final OwnerClient userService;

	private final MembershipClient groupService;

	Conversations(RestClient userServiceClient, RestClient groupServiceClient) {
		this.userService = new OwnerClient(userServiceClient, "User directory");
		this.groupService = new MembershipClient(groupServiceClient);
	}

	/** Whether the user exists (a direct conversation's partner). */
	public boolean userExists(UUID userId) {
		return userService.get(USER, "/internal/users/{id}", userId).isPresent();
	}

	/** Whether the user is a member of the group now; false when there is no such group. */
	public boolean isMember(UUID groupId, UUID userId) {
		return groupService.member(groupId, userId).isPresent();
	}
}
