package org.chatline.group.groups;

/** A member's role. Exactly one OWNER per group (its creator, or whoever inherited it). */
enum Role {

	OWNER, ADMIN, MEMBER;

	/** OWNER and ADMIN update the group and add or remove members. */
	boolean manages() {
		return this == OWNER || this == ADMIN;
	}
}
