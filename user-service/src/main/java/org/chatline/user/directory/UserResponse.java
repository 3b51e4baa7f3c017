package org.chatline.user.directory;

import java.time.Instant;
import java.util.UUID;

/** The full user, for internal callers (auth-service): never routed to clients by the gateway. */
record UserResponse(UUID id, String username, String email, String avatar, String statusMessage, String role,
		boolean isOnline, Instant lastSeen, Instant createdAt, Instant updatedAt) {

	static UserResponse of(User user) {
		return new UserResponse(user.getId(), user.getUsername(), user.getEmail(), user.getAvatar(),
				user.getStatusMessage(), user.getRole(), user.isOnline(), user.getLastSeen(), user.getCreatedAt(),
				user.getUpdatedAt());
	}
}
