package org.chatline.group.groups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /groups/{id}}: the group with its members, longest-standing first. */
record GroupDetails(UUID id, String title, String description, String cover, GroupType type, Instant createdAt,
		Instant updatedAt, long memberCount, List<MemberView> members) {

	record MemberView(UUID userId, Role role, Instant joinedAt) {
	}

	static GroupDetails of(Group g, List<Member> members) {
		return new GroupDetails(g.id(), g.title(), g.description(), g.cover(), g.type(), g.createdAt(), g.updatedAt(),
				members.size(), members.stream().map(m -> new MemberView(m.userId(), m.role(), m.joinedAt())).toList());
	}
}
