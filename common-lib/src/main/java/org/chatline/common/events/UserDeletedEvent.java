package org.chatline.common.events;

import java.util.UUID;

/** {@code UserDeleted} on {@code chat.users.v1}, keyed by user id. */
public record UserDeletedEvent(UUID id) {
}
