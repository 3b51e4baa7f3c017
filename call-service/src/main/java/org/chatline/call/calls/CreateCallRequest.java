package org.chatline.call.calls;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /calls}. Without {@code groupId}, {@code participantIds} are the invitees.
 * With it, the group's members are invited, or only the listed ones if {@code participantIds} is
 * not empty (they must all be members).
 */
public record CreateCallRequest(
		@NotNull(message = "is required") @Pattern(regexp = "AUDIO|VIDEO", message = "must be one of AUDIO, VIDEO") String type,
		@Size(max = 100, message = "must have at most 100 entries") List<@NotNull(message = "must not contain null") UUID> participantIds,
		UUID groupId) {

	List<UUID> participantIdsOrEmpty() {
		return participantIds == null ? List.of() : participantIds;
	}
}
