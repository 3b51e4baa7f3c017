package org.chatline.group.groups;

import java.time.Instant;
import java.util.UUID;

/** One entry of {@code GET /groups}: the group and the caller's place in it. */
record GroupSummary(UUID id, String title, String description, String cover, GroupType type, Role role,
		long memberCount, Instant joinedAt, Instant createdAt, Instant updatedAt) {

	static GroupSummary of(GroupRepository.Membership m) {
		Group g = m.group();
		return new GroupSummary(g.id(), g.title(), g.description(), g.cover(), g.type(), m.role(), m.memberCount(),
				m.joinedAt(), g.createdAt(), g.updatedAt());
	}
}
