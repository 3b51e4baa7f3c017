package org.chatline.user.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The full user, in the {@code data} of {@code GET /internal/users/{id}} and
 * {@code POST /internal/users}: for the services that keep a copy of users (never routed to
 * clients by the gateway).
 */
public record UserResponse(UUID id, String username, String email, String avatar, String statusMessage, String role,
		boolean isOnline, Instant lastSeen, Instant createdAt, Instant updatedAt) {
}
