package org.chatline.user.directory;

import java.time.Instant;
import java.util.UUID;

/** {@code GET /api/v1/users/{id}}: what any signed-in user may see of another; never the email. */
record PublicProfile(UUID id, String username, String avatar, String statusMessage, boolean isOnline,
		Instant lastSeen) {

	static PublicProfile of(User user) {
		return new PublicProfile(user.getId(), user.getUsername(), user.getAvatar(), user.getStatusMessage(),
				user.isOnline(), user.getLastSeen());
	}
}
