package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code UserUpdated} on {@code chat.users.v1}, keyed by user id. */
public record UserUpdatedEvent(UUID id, String username, String avatar, String statusMessage, Instant updatedAt) {
}
