package org.chatline.user.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The events on {@code chat.users.v1}, keyed by user id. The envelope's {@code type} is the
 * record's {@link JsonTypeName}; the payload is the record.
 */
public sealed interface UserEvent {

	String TOPIC = "chat.users.v1";

	/** The user the event is about. */
	UUID id();

	@JsonTypeName("UserRegistered")
	record UserRegistered(UUID id, String username, String email, Instant createdAt) implements UserEvent {
	}

	@JsonTypeName("UserUpdated")
	record UserUpdated(UUID id, String username, String avatar, String statusMessage, Instant updatedAt)
			implements UserEvent {
	}

	@JsonTypeName("UserDeleted")
	record UserDeleted(UUID id) implements UserEvent {
	}
}
