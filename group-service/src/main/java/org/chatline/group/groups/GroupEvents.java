package org.chatline.group.groups;

import java.util.List;
import java.util.UUID;

import org.chatline.common.outbox.OutboxWriter;
import org.chatline.group.api.GroupEvent;
import org.chatline.group.api.GroupEvent.GroupCreated;
import org.chatline.group.api.GroupEvent.GroupDeleted;
import org.chatline.group.api.GroupEvent.GroupUpdated;
import org.chatline.group.api.GroupEvent.MemberAdded;
import org.chatline.group.api.GroupEvent.MemberRemoved;
import org.chatline.group.api.GroupEvent.MemberRoleChanged;
import org.chatline.group.api.GroupEvent.OwnershipTransferred;

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
		append(actorId, new GroupCreated(g.id(), g.title(), g.description(), g.cover(), g.type().name(), ownerId,
				List.of(ownerId)));
	}

	void updated(Group g, UUID ownerId, List<UUID> memberIds, UUID actorId) {
		append(actorId, new GroupUpdated(g.id(), g.title(), g.description(), g.cover(), g.type().name(), ownerId,
				memberIds));
	}

	/** {@code memberIds}: the members who lost the group (none when its last member left). */
	void deleted(Group g, UUID ownerId, List<UUID> memberIds, UUID actorId) {
		append(actorId, new GroupDeleted(g.id(), g.title(), g.description(), g.cover(), g.type().name(), ownerId,
				memberIds));
	}

	void memberAdded(UUID groupId, UUID userId, Role role, UUID actorId) {
		append(actorId, new MemberAdded(groupId, userId, role.name()));
	}

	void memberRemoved(UUID groupId, UUID userId, UUID actorId) {
		append(actorId, new MemberRemoved(groupId, userId));
	}

	void roleChanged(UUID groupId, UUID userId, Role role, UUID actorId) {
		append(actorId, new MemberRoleChanged(groupId, userId, role.name()));
	}

	void ownershipTransferred(UUID groupId, UUID newOwnerId, UUID previousOwnerId, UUID actorId) {
		append(actorId, new OwnershipTransferred(groupId, newOwnerId, Role.OWNER.name(), previousOwnerId));
	}

	private void append(UUID actorId, GroupEvent event) {
		outbox.append(event.groupId().toString(), actorId, event);
	}
}
