package org.chatline.common.events;

import java.util.UUID;

/**
 * {@code MemberAdded}, {@code MemberRemoved}, {@code MemberRoleChanged} and
 * {@code OwnershipTransferred} on {@code chat.groups.v1}, keyed by group id. {@code role} is the
 * member's role after the change (null for a removal); for {@code OwnershipTransferred},
 * {@code userId} is the new owner and {@code previousOwnerId} the old one.
 */
public record GroupMemberEvent(UUID groupId, UUID userId, String role, UUID previousOwnerId) {
}
