package org.chatline.auth.users;

import java.time.Instant;
import java.util.UUID;

/** A user as user-service's internal API returns it. */
public record UserAccount(UUID id, String username, String email, String avatar, String statusMessage, String role,
		boolean isOnline, Instant lastSeen, Instant createdAt, Instant updatedAt) {
}
