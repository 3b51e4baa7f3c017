package org.chatline.message.groups;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventConsumer;
import org.chatline.group.api.GroupEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the group membership projection current, by {@link GroupMembership}'s merge rule. Every
 * update is idempotent, so redeliveries are harmless.
 */
@Component
class GroupEventsListener extends EventConsumer<GroupEvent> {

	private final GroupMembership membership;

	GroupEventsListener(EventCodec codec, GroupMembership membership) {
		super(codec, GroupEvent.class);
		this.membership = membership;
	}

	@KafkaListener(topics = GroupEvent.TOPIC, groupId = "message-service")
	@Transactional
	public void on(String json) {
		consume(json);
	}

	@Override
	protected void handle(Event<GroupEvent> event) {
		GroupEvent change = event.payload();
		if (change instanceof GroupEvent.GroupCreated group) {
			membership.replaceMembers(group.groupId(), group.memberIds());
			membership.addMember(group.groupId(), group.ownerId(), "OWNER");
		}
		else if (change instanceof GroupEvent.GroupDeleted group) {
			membership.deleteGroup(group.groupId());
		}
		else if (change instanceof GroupEvent.MemberAdded member) {
			membership.addMember(member.groupId(), member.userId(), member.role());
		}
		else if (change instanceof GroupEvent.MemberRoleChanged member) {
			membership.addMember(member.groupId(), member.userId(), member.role());
		}
		else if (change instanceof GroupEvent.OwnershipTransferred owner) {
			membership.addMember(owner.groupId(), owner.userId(), owner.role());
		}
		else if (change instanceof GroupEvent.MemberRemoved member) {
			membership.removeMember(member.groupId(), member.userId());
		}
	}
}
