package org.chatline.user.directory;

import java.time.Instant;

/** {@code GET /api/v1/users/{id}/presence}. */
record Presence(boolean isOnline, Instant lastSeen) {

	static Presence of(User user) {
		return new Presence(user.isOnline(), user.getLastSeen());
	}
}
