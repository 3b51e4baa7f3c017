package org.chatline.group.groups;

import java.time.Instant;
import java.util.UUID;

/** One membership; members of a group are listed longest-standing first. */
record Member(UUID userId, Role role, Instant joinedAt) {
}
