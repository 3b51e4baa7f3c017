package org.chatline.group.groups;

import java.time.Instant;
import java.util.UUID;

import org.chatline.common.api.DomainException;

/** A stored group (its members live in {@code group_member}). */
record Group(UUID id, String title, String description, String cover, GroupType type, Instant createdAt,
		Instant updatedAt) {

	/** What an outsider learns when acting on this group: a SECRET group does not exist for them. */
	DomainException refuseOutsider() {
		return type == GroupType.SECRET ? notFound() : DomainException.forbidden("You are not a member of this group");
	}

	static DomainException notFound() {
		return DomainException.notFound("Group not found");
	}
}
