package org.chatline.call.calls;

import java.util.UUID;

/**
 * Data of {@code POST /calls/{id}/reject}: the call's status afterwards, {@code REJECTED} once every
 * invitee declined (a group call still ringing others stays {@code RINGING}).
 */
public record RejectedCall(UUID id, String status) {
}
