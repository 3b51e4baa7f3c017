package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

/** {@code UserRegistered} on {@code chat.users.v1}, keyed by user id. */
public record UserRegisteredEvent(UUID id, String username, String email, Instant createdAt) {
}
