package org.chatline.group.groups;

import java.time.Instant;
import java.util.UUID;

/** A group as {@code POST} and {@code PATCH /groups} return it: the contract's fields plus updatedAt and memberCount. */
record GroupResponse(UUID id, String title, String description, String cover, GroupType type, Instant createdAt,
		Instant updatedAt, long memberCount) {

	static GroupResponse of(Group g, long memberCount) {
		return new GroupResponse(g.id(), g.title(), g.description(), g.cover(), g.type(), g.createdAt(), g.updatedAt(),
				memberCount);
	}
}
