package org.chatline.message.messages;

import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.DomainException;
import org.chatline.message.groups.GroupMembership;

import org.springframework.stereotype.Component;

/**
 * Who may see a message: the two people of a direct conversation, the current members of a
 * group. A message the caller may not see is answered as if it did not exist. Group checks may ask
 * group-service, so they run before a transaction opens.
 */
@Component
class ConversationAccess {

	private final GroupMembership groups;

	ConversationAccess(GroupMembership groups) {
		this.groups = groups;
	}

	boolean canSee(UUID userId, Message m) {
		return m.isDirect() ? userId.equals(m.senderId()) || userId.equals(m.receiverId())
				: groups.isMember(m.groupId(), userId);
	}

	Message visible(Optional<Message> message, UUID userId) {
		return message.filter(m -> canSee(userId, m)).orElseThrow(() -> DomainException.notFound("Message not found"));
	}

	void requireGroupMember(UUID groupId, UUID userId) {
		if (!groups.isMember(groupId, userId)) {
			throw DomainException.forbidden("You are not a member of this group");
		}
	}
}
