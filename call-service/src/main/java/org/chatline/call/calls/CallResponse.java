package org.chatline.call.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as its participants see it: the contract's fields plus groupId. */
public record CallResponse(UUID id, UUID initiatorId, UUID groupId, String roomId, String type, String status,
		Instant createdAt, Instant endedAt, List<ParticipantResponse> participants) {

	/** Everyone invited, the initiator first; {@code rejectedAt} is set for invitees who declined. */
	public record ParticipantResponse(UUID userId, Instant joinedAt, Instant leftAt, Instant rejectedAt) {
	}

	static CallResponse of(Call call) {
		return new CallResponse(call.id(), call.initiatorId(), call.groupId(), call.roomId(), call.type().name(),
				call.status().name(), call.createdAt(), call.endedAt(),
				call.participants()
					.stream()
					.map(p -> new ParticipantResponse(p.userId(), p.joinedAt(), p.leftAt(), p.rejectedAt()))
					.toList());
	}
}
