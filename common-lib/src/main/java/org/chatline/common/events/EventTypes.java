package org.chatline.common.events;

/** The {@code type} of each event envelope, grouped by topic. */
public final class EventTypes {

	// chat.users.v1
	public static final String USER_REGISTERED = "UserRegistered";

	public static final String USER_UPDATED = "UserUpdated";

	public static final String USER_DELETED = "UserDeleted";

	// chat.groups.v1
	public static final String GROUP_CREATED = "GroupCreated";

	public static final String GROUP_UPDATED = "GroupUpdated";

	public static final String GROUP_DELETED = "GroupDeleted";

	public static final String MEMBER_ADDED = "MemberAdded";

	public static final String MEMBER_REMOVED = "MemberRemoved";

	public static final String MEMBER_ROLE_CHANGED = "MemberRoleChanged";

	public static final String OWNERSHIP_TRANSFERRED = "OwnershipTransferred";

	// chat.messages.v1
	public static final String MESSAGE_CREATED = "MessageCreated";

	public static final String MESSAGE_EDITED = "MessageEdited";

	public static final String MESSAGE_DELETED = "MessageDeleted";

	public static final String MESSAGE_DELIVERED = "MessageDelivered";

	public static final String MESSAGE_SEEN = "MessageSeen";

	public static final String REACTION_ADDED = "ReactionAdded";

	public static final String REACTION_REMOVED = "ReactionRemoved";

	// chat.calls.v1
	public static final String CALL_INITIATED = "CallInitiated";

	public static final String CALL_PARTICIPANT_JOINED = "CallParticipantJoined";

	public static final String CALL_REJECTED = "CallRejected";

	public static final String CALL_PARTICIPANT_LEFT = "CallParticipantLeft";

	public static final String CALL_ENDED = "CallEnded";

	public static final String CALL_MISSED = "CallMissed";

	// chat.presence.v1
	public static final String USER_ONLINE = "UserOnline";

	public static final String USER_OFFLINE = "UserOffline";

	private EventTypes() {
	}
}
