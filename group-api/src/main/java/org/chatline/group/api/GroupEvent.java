package org.chatline.group.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The events on {@code chat.groups.v1}, keyed by group id so that each group's events arrive in
 * order. The envelope's {@code type} is the record's {@link JsonTypeName}; the payload is the record.
 */
public sealed interface GroupEvent {

	String TOPIC = "chat.groups.v1";

	UUID groupId();

	/**
	 * The group as it is after the change; {@code type} is {@code PUBLIC} or {@code PRIVATE} and
	 * {@code memberIds} the members at the time (for a deletion: the members who lost the group).
	 */
	sealed interface GroupChanged extends GroupEvent {

		String title();

		String description();

		String cover();

		String type();

		UUID ownerId();

		List<UUID> memberIds();
	}

	@JsonTypeName("GroupCreated")
	record GroupCreated(UUID groupId, String title, String description, String cover, String type, UUID ownerId,
			List<UUID> memberIds) implements GroupChanged {
	}

	@JsonTypeName("GroupUpdated")
	record GroupUpdated(UUID groupId, String title, String description, String cover, String type, UUID ownerId,
			List<UUID> memberIds) implements GroupChanged {
	}

	@JsonTypeName("GroupDeleted")
	record GroupDeleted(UUID groupId, String title, String description, String cover, String type, UUID ownerId,
			List<UUID> memberIds) implements GroupChanged {
	}

	/** {@code role}: {@code OWNER}, {@code ADMIN} or {@code MEMBER}. */
	@JsonTypeName("MemberAdded")
	record MemberAdded(UUID groupId, UUID userId, String role) implements GroupEvent {
	}

	@JsonTypeName("MemberRemoved")
	record MemberRemoved(UUID groupId, UUID userId) implements GroupEvent {
	}

	/** {@code role}: the member's role after the change. */
	@JsonTypeName("MemberRoleChanged")
	record MemberRoleChanged(UUID groupId, UUID userId, String role) implements GroupEvent {
	}

	/** {@code userId} is the new owner (with {@code role} {@code OWNER}), {@code previousOwnerId} the old one. */
	@JsonTypeName("OwnershipTransferred")
	record OwnershipTransferred(UUID groupId, UUID userId, String role, UUID previousOwnerId) implements GroupEvent {
	}
}
