package org.chatline.group.groups;

import java.util.List;
import java.util.UUID;

import org.chatline.common.events.EventTypes;
import org.chatline.common.events.GroupChangedEvent;
import org.chatline.common.events.GroupMemberEvent;
import org.chatline.common.events.Topics;
import org.chatline.common.outbox.OutboxWriter;

import org.springframework.stereotype.Component;

/**
 * Writes group events to the outbox, in the caller's transaction, keyed by group id so that each
 * group's events reach consumers in the order they happened.
 */
@Component
class GroupEvents {

	private final OutboxWriter outbox;

	GroupEvents(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	void created(Group g, UUID ownerId, UUID actorId) {
		changed(EventTypes.GROUP_CREATED, g, ownerId, List.of(ownerId), actorId);
	}

	void updated(Group g, UUID ownerId, List<UUID> memberIds, UUID actorId) {
		changed(EventTypes.GROUP_UPDATED, g, ownerId, memberIds, actorId);
	}

	/** {@code memberIds}: the members who lost the group (none when its last member left). */
	void deleted(Group g, UUID ownerId, List<UUID> memberIds, UUID actorId) {
		changed(EventTypes.GROUP_DELETED, g, ownerId, memberIds, actorId);
	}

	void memberAdded(UUID groupId, UUID userId, Role role, UUID actorId) {
		member(EventTypes.MEMBER_ADDED, new GroupMemberEvent(groupId, userId, role.name(), null), actorId);
	}

	void memberRemoved(UUID groupId, UUID userId, UUID actorId) {
		member(EventTypes.MEMBER_REMOVED, new GroupMemberEvent(groupId, userId, null, null), actorId);
	}

	void roleChanged(UUID groupId, UUID userId, Role role, UUID actorId) {
		member(EventTypes.MEMBER_ROLE_CHANGED, new GroupMemberEvent(groupId, userId, role.name(), null), actorId);
	}

	void ownershipTransferred(UUID groupId, UUID newOwnerId, UUID previousOwnerId, UUID actorId) {
		member(EventTypes.OWNERSHIP_TRANSFERRED,
				new GroupMemberEvent(groupId, newOwnerId, Role.OWNER.name(), previousOwnerId), actorId);
	}

	private void changed(String type, Group g, UUID ownerId, List<UUID> memberIds, UUID actorId) {
		outbox.append(Topics.GROUPS, g.id().toString(), type, actorId, new GroupChangedEvent(g.id(), g.title(),
				g.description(), g.cover(), g.type().name(), ownerId, memberIds));
	}

	private void member(String type, GroupMemberEvent event, UUID actorId) {
		outbox.append(Topics.GROUPS, event.groupId().toString(), type, actorId, event);
	}
}
