package org.chatline.call.users;

import org.chatline.common.events.EventCodec;
import org.chatline.common.projection.KnownUsersListener;

import org.springframework.stereotype.Component;

/** {@code chat.users.v1} into the known-user projection. */
@Component
class UserEventsListener extends KnownUsersListener {

	UserEventsListener(EventCodec codec, UserDirectory users) {
		super(codec, users);
	}
}
