package org.chatline.user.directory;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/users/{id}}: a field left out (null) stays as it is; an empty avatar or
 * status message clears it.
 */
record UpdateUserRequest(
		@Size(min = 3, max = 50, message = "must be 3-50 characters") @Pattern(regexp = "^[A-Za-z0-9_]+$",
				message = "may contain only letters, digits and underscores") String username,
		@Size(max = 2048) String avatar, @Size(max = 255) String statusMessage) {
}
