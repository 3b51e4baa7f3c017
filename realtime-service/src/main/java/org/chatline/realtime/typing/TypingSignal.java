package org.chatline.realtime.typing;

import java.util.UUID;

/**
 * A typing signal on {@code chat.signals.v1}, between realtime instances only: envelope type
 * {@code TypingStarted} or {@code TypingStopped}, keyed by the target (group or receiver id).
 * Exactly one of {@code receiverId} and {@code groupId} is set.
 */
record TypingSignal(UUID userId, UUID receiverId, UUID groupId) {

	static final String STARTED = "TypingStarted";

	static final String STOPPED = "TypingStopped";
}
