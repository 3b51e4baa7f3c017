package org.chatline.group.groups;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PATCH /groups/{id}/members/{userId}}. */
record ChangeRoleRequest(@NotNull(message = "is required")
		@Pattern(regexp = GroupRules.ASSIGNABLE_ROLES, message = "must be one of MEMBER, ADMIN") String role) {
}
