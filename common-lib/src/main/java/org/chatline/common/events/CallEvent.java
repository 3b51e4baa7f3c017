package org.chatline.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every transition of a call on {@code chat.calls.v1}, keyed by call id: {@code CallInitiated},
 * {@code CallParticipantJoined}, {@code CallRejected}, {@code CallParticipantLeft},
 * {@code CallEnded}, {@code CallMissed}. {@code userId} is who caused the transition (the joiner,
 * the rejecter, the leaver); {@code participantIds} is everyone invited, initiator included, so
 * realtime-service can fan out without calling back.
 */
public record CallEvent(UUID callId, String type, String status, UUID initiatorId, UUID groupId, String roomId,
		List<UUID> participantIds, UUID userId, Instant createdAt, Instant endedAt) {
}
