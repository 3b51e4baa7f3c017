package org.chatline.realtime.socket;

import java.util.UUID;

/** Names of the Socket.IO rooms of the contract. */
public final class Rooms {

	private Rooms() {
	}

	/** Every socket of one user: direct messages and personal notifications. */
	public static String user(UUID userId) {
		return "user:" + userId;
	}

	/** Every socket of a group's members. */
	public static String group(UUID groupId) {
		return "group:" + groupId;
	}
}
