package org.chatline.user.directory;

import java.util.UUID;

/** One search hit: {@code GET /api/v1/users?query=}. */
record UserSummary(UUID id, String username, String avatar) {

	static UserSummary of(User user) {
		return new UserSummary(user.getId(), user.getUsername(), user.getAvatar());
	}
}
