package org.chatline.common.events;

/** The {@code type} of each event envelope, grouped by topic. */
public final class EventTypes {

	// chat.users.v1
	public static final String USER_REGISTERED = "UserRegistered";

	public static final String USER_UPDATED = "UserUpdated";

	public static final String USER_DELETED = "UserDeleted";

	// chat.messages.v1
	public static final String MESSAGE_CREATED = "MessageCreated";

	public static final String MESSAGE_EDITED = "MessageEdited";

	public static final String MESSAGE_DELETED = "MessageDeleted";

	// chat.presence.v1
	public static final String USER_ONLINE = "UserOnline";

	public static final String USER_OFFLINE = "UserOffline";

	private EventTypes() {
	}
}
