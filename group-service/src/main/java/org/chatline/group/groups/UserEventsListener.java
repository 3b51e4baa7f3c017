package org.chatline.group.groups;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.common.projection.KnownUsersListener;
import org.chatline.group.users.UserDirectory;
import org.chatline.user.api.UserEvent;

import org.springframework.stereotype.Component;

/**
 * Consumes {@code chat.users.v1}: keeps the known-user projection current and, when a user is
 * deleted, removes their memberships (which marks them deleted too), each event once. It lives with
 * the groups (not in {@code users}) because one listener per consumer group must do both.
 */
@Component
class UserEventsListener extends KnownUsersListener {

	private final MembershipService memberships;

	UserEventsListener(EventCodec codec, ProcessedEvents processed, UserDirectory users,
			MembershipService memberships) {
		super(codec, processed, users);
		this.memberships = memberships;
	}

	@Override
	protected void handle(Event<UserEvent> event) {
		if (event.payload() instanceof UserEvent.UserDeleted user) {
			memberships.removeEverywhere(user.id(), event.actorId() != null ? event.actorId() : user.id());
		}
		else {
			super.handle(event);
		}
	}
}
