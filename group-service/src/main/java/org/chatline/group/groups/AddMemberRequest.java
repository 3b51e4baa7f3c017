package org.chatline.group.groups;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /groups/{id}/members}; the role defaults to MEMBER. */
record AddMemberRequest(@NotNull(message = "is required") UUID userId,
		@Pattern(regexp = GroupRules.ASSIGNABLE_ROLES, message = "must be one of MEMBER, ADMIN") String role) {

	Role roleOrDefault() {
		return role == null ? Role.MEMBER : Role.valueOf(role);
	}
}
