package org.chatline.call.calls;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code POST /calls/{id}/end}. */
public record EndedCall(UUID id, String status, Instant endedAt) {
}
