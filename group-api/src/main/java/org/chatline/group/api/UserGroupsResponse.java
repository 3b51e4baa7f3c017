package org.chatline.group.api;

import java.util.List;
import java.util.UUID;

/** The data of {@code GET /internal/users/{userId}/groups}: the groups a user is a member of. */
public record UserGroupsResponse(UUID userId, List<UUID> groupIds) {
}
