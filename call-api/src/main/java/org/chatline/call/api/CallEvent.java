package org.chatline.call.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The transitions of a call on {@code chat.calls.v1}, keyed by call id. Each carries the call as it
 * is afterwards: {@code type} ({@code AUDIO}/{@code VIDEO}), {@code status}, and
 * {@code participantIds}, everyone invited, initiator included, so realtime-service fans out
 * without calling back; {@code userId} is who caused the transition. The envelope's {@code type} is
 * the record's {@link JsonTypeName}; the payload is the record.
 */
public sealed interface CallEvent {

	String TOPIC = "chat.calls.v1";

	UUID callId();

	String type();

	String status();

	UUID initiatorId();

	UUID groupId();

	String roomId();

	List<UUID> participantIds();

	Instant createdAt();

	/** {@code userId} is the initiator. */
	@JsonTypeName("CallInitiated")
	record CallInitiated(UUID callId, String type, String status, UUID initiatorId, UUID groupId, String roomId,
			List<UUID> participantIds, UUID userId, Instant createdAt) implements CallEvent {
	}

	@JsonTypeName("CallParticipantJoined")
	record CallParticipantJoined(UUID callId, String type, String status, UUID initiatorId, UUID groupId,
			String roomId, List<UUID> participantIds, UUID userId, Instant createdAt) implements CallEvent {
	}

	/** {@code endedAt} is set when the last invitee's rejection ended the call. */
	@JsonTypeName("CallRejected")
	record CallRejected(UUID callId, String type, String status, UUID initiatorId, UUID groupId, String roomId,
			List<UUID> participantIds, UUID userId, Instant createdAt, Instant endedAt) implements CallEvent {
	}

	@JsonTypeName("CallParticipantLeft")
	record CallParticipantLeft(UUID callId, String type, String status, UUID initiatorId, UUID groupId,
			String roomId, List<UUID> participantIds, UUID userId, Instant createdAt, Instant endedAt)
			implements CallEvent {
	}

	@JsonTypeName("CallEnded")
	record CallEnded(UUID callId, String type, String status, UUID initiatorId, UUID groupId, String roomId,
			List<UUID> participantIds, UUID userId, Instant createdAt, Instant endedAt) implements CallEvent {
	}

	/** Nobody answered before the ring deadline; nobody caused it (no {@code userId}, no actor). */
	@JsonTypeName("CallMissed")
	record CallMissed(UUID callId, String type, String status, UUID initiatorId, UUID groupId, String roomId,
			List<UUID> participantIds, Instant createdAt, Instant endedAt) implements CallEvent {
	}
}
