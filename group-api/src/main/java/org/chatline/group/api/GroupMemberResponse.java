package org.chatline.group.api;

import java.util.UUID;

/** The data of {@code GET /internal/groups/{groupId}/members/{userId}} (404 when not a member). */
public record GroupMemberResponse(UUID groupId, UUID userId, String role) {
}
