package org.chatline.message.groups;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.GroupChangedEvent;
import org.chatline.common.events.GroupMemberEvent;
import org.chatline.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the group membership projection current. Events of one group arrive in order (keyed by
 * group id) and every update is idempotent, so redeliveries are harmless.
 */
@Component
class GroupEventsListener {

	private static final Logger log = LoggerFactory.getLogger(GroupEventsListener.class);

	private final EventCodec codec;

	private final GroupMembership membership;

	GroupEventsListener(EventCodec codec, GroupMembership membership) {
		this.codec = codec;
		this.membership = membership;
	}

	@KafkaListener(topics = Topics.GROUPS, groupId = "message-service")
	@Transactional
	void on(String json) {
		EventEnvelope event;
		try {
			event = codec.decode(json);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping malformed event on {}", Topics.GROUPS);
			return;
		}
		switch (event.type()) {
			case EventTypes.GROUP_CREATED -> {
				GroupChangedEvent group = codec.payload(event, GroupChangedEvent.class);
				membership.replaceMembers(group.groupId(), group.memberIds());
				membership.addMember(group.groupId(), group.ownerId(), "OWNER");
			}
			case EventTypes.GROUP_DELETED -> membership.deleteGroup(codec.payload(event, GroupChangedEvent.class).groupId());
			case EventTypes.MEMBER_ADDED, EventTypes.MEMBER_ROLE_CHANGED, EventTypes.OWNERSHIP_TRANSFERRED -> {
				GroupMemberEvent member = codec.payload(event, GroupMemberEvent.class);
				membership.addMember(member.groupId(), member.userId(), member.role());
			}
			case EventTypes.MEMBER_REMOVED -> {
				GroupMemberEvent member = codec.payload(event, GroupMemberEvent.class);
				membership.removeMember(member.groupId(), member.userId());
			}
			default -> {
			}
		}
	}
}
