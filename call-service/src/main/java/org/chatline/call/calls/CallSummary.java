package org.chatline.call.calls;

import java.time.Instant;
import java.util.UUID;

/** One line of a user's call history. */
public record CallSummary(UUID id, String type, String status, UUID initiatorId, Instant createdAt, Instant endedAt) {
}
