package org.chatline.realtime.groups;

import org.chatline.common.events.Event;
import org.chatline.group.api.GroupEvent;
import org.chatline.group.api.GroupEvent.GroupCreated;
import org.chatline.group.api.GroupEvent.GroupDeleted;
import org.chatline.group.api.GroupEvent.MemberAdded;
import org.chatline.group.api.GroupEvent.MemberRemoved;
import org.chatline.realtime.events.DomainEventHandler;

import org.springframework.stereotype.Component;

/**
 * Membership changes from {@code chat.groups.v1} applied to this instance's sockets. Every instance
 * consumes every event, so each moves its own sockets. Group updates, role changes and ownership
 * transfers change no room and have no socket event in the contract.
 */
@Component
class GroupEventHandler implements DomainEventHandler<GroupEvent> {

	private final GroupRooms rooms;

	GroupEventHandler(GroupRooms rooms) {
		this.rooms = rooms;
	}

	@Override
	public Class<GroupEvent> payloadType() {
		return GroupEvent.class;
	}

	@Override
	public void handle(Event<GroupEvent> event) {
		GroupEvent group = event.payload();
		if (group instanceof MemberAdded added) {
			rooms.memberAdded(added.userId(), added.groupId());
		}
		else if (group instanceof MemberRemoved removed) {
			rooms.memberRemoved(removed.userId(), removed.groupId());
		}
		else if (group instanceof GroupCreated created) {
			// The creator and initial members are live members at once, whether or not
			// group-service also sends a MemberAdded for each (joining twice is harmless).
			if (created.ownerId() != null) {
				rooms.memberAdded(created.ownerId(), created.groupId());
			}
			if (created.memberIds() != null) {
				created.memberIds().forEach(member -> rooms.memberAdded(member, created.groupId()));
			}
		}
		else if (group instanceof GroupDeleted deleted) {
			rooms.groupDeleted(deleted.groupId(), deleted.memberIds());
		}
	}
}
