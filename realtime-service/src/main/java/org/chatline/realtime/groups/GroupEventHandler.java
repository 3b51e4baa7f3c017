package org.chatline.realtime.groups;

import java.util.Set;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.GroupChangedEvent;
import org.chatline.common.events.GroupMemberEvent;
import org.chatline.realtime.events.DomainEventHandler;

import org.springframework.stereotype.Component;

/**
 * Membership changes from {@code chat.groups.v1} applied to this instance's sockets. Every instance
 * consumes every event, so each moves its own sockets. Group updates, role changes and ownership
 * transfers change no room and have no socket event in the contract.
 */
@Component
class GroupEventHandler implements DomainEventHandler {

	private final EventCodec codec;

	private final GroupRooms rooms;

	GroupEventHandler(EventCodec codec, GroupRooms rooms) {
		this.codec = codec;
		this.rooms = rooms;
	}

	@Override
	public Set<String> types() {
		return Set.of(EventTypes.GROUP_CREATED, EventTypes.GROUP_DELETED, EventTypes.MEMBER_ADDED,
				EventTypes.MEMBER_REMOVED);
	}

	@Override
	public void handle(EventEnvelope event) {
		switch (event.type()) {
			case EventTypes.MEMBER_ADDED -> {
				GroupMemberEvent member = codec.payload(event, GroupMemberEvent.class);
				rooms.memberAdded(member.userId(), member.groupId());
			}
			case EventTypes.MEMBER_REMOVED -> {
				GroupMemberEvent member = codec.payload(event, GroupMemberEvent.class);
				rooms.memberRemoved(member.userId(), member.groupId());
			}
			case EventTypes.GROUP_CREATED -> {
				// The creator and initial members are live members at once, whether or not
				// group-service also sends a MemberAdded for each (joining twice is harmless).
				GroupChangedEvent group = codec.payload(event, GroupChangedEvent.class);
				if (group.ownerId() != null) {
					rooms.memberAdded(group.ownerId(), group.groupId());
				}
				if (group.memberIds() != null) {
					group.memberIds().forEach(member -> rooms.memberAdded(member, group.groupId()));
				}
			}
			case EventTypes.GROUP_DELETED -> {
				GroupChangedEvent group = codec.payload(event, GroupChangedEvent.class);
				rooms.groupDeleted(group.groupId(), group.memberIds());
			}
			default -> throw new IllegalArgumentException("Unexpected event type " + event.type());
		}
	}
}
