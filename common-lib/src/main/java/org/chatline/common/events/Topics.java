package org.chatline.common.events;

import java.util.List;

/** The platform's Kafka topics. Breaking payload changes get a new version suffix. */
public final class Topics {

	public static final String USERS = "chat.users.v1";

	public static final String GROUPS = "chat.groups.v1";

	public static final String MESSAGES = "chat.messages.v1";

	public static final String CALLS = "chat.calls.v1";

	public static final String PRESENCE = "chat.presence.v1";

	public static final String SIGNALS = "chat.signals.v1";

	public static final List<String> ALL = List.of(USERS, GROUPS, MESSAGES, CALLS, PRESENCE, SIGNALS);

	private Topics() {
	}
}
