package org.chatline.group.api;

import java.util.List;
import java.util.UUID;

/** The data of {@code GET /internal/groups/{groupId}/members} (404 when the group does not exist). */
public record GroupMembersResponse(UUID groupId, List<UUID> memberIds) {
}
