package org.chatline.presence.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The ephemeral signals on {@code chat.signals.v1}, between realtime-service instances only, keyed
 * by the target (group or receiver id): who is typing to whom. Exactly one of {@code receiverId}
 * and {@code groupId} is set. The envelope's {@code type} is the record's {@link JsonTypeName}.
 */
public sealed interface SignalEvent {

	String TOPIC = "chat.signals.v1";

	UUID userId();

	UUID receiverId();

	UUID groupId();

	@JsonTypeName("TypingStarted")
	record TypingStarted(UUID userId, UUID receiverId, UUID groupId) implements SignalEvent {
	}

	@JsonTypeName("TypingStopped")
	record TypingStopped(UUID userId, UUID receiverId, UUID groupId) implements SignalEvent {
	}
}
