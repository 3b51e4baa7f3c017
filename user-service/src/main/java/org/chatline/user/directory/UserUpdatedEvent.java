package org.chatline.user.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code UserUpdated} on {@code chat.users.v1}, keyed by user id. Kept here until common-lib's
 * events package carries it next to {@code UserRegisteredEvent}.
 */
public record UserUpdatedEvent(UUID id, String username, String avatar, String statusMessage, Instant updatedAt) {
}
