package org.chatline.common.projection;

import java.util.UUID;

/** A user as the projection knows them; any field but the id may be unknown (null). */
public record KnownUser(UUID id, String username, String email, String avatar) {
}
