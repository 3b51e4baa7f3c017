package org.chatline.user.directory;

import java.util.UUID;

/** {@code PATCH /api/v1/users/{id}} answer, as the contract shows it. */
record UpdatedProfile(UUID id, String username, String avatar, String statusMessage) {

	static UpdatedProfile of(User user) {
		return new UpdatedProfile(user.getId(), user.getUsername(), user.getAvatar(), user.getStatusMessage());
	}
}
