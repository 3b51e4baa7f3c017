package org.chatline.common.events;

import java.util.List;
import java.util.UUID;

/**
 * {@code GroupCreated}, {@code GroupUpdated} and {@code GroupDeleted} on {@code chat.groups.v1},
 * keyed by group id. {@code memberIds} lists the members at the time of the change (for
 * {@code GroupDeleted}: the members who lost the group).
 */
public record GroupChangedEvent(UUID groupId, String title, String description, String cover, String type,
		UUID ownerId, List<UUID> memberIds) {
}
