package org.chatline.presence.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The events on {@code chat.presence.v1}, keyed by user id, published by realtime-service when a
 * user's first socket connects or the last one has been gone for the grace period.
 * {@code lastSeen} is the moment of the transition. The envelope's {@code type} is the record's
 * {@link JsonTypeName}; the payload is the record, with {@code online} as well.
 */
public sealed interface PresenceEvent {

	String TOPIC = "chat.presence.v1";

	UUID userId();

	Instant lastSeen();

	boolean online();

	@JsonTypeName("UserOnline")
	record UserOnline(UUID userId, Instant lastSeen) implements PresenceEvent {

		@Override
		@JsonProperty("online")
		public boolean online() {
			return true;
		}
	}

	@JsonTypeName("UserOffline")
	record UserOffline(UUID userId, Instant lastSeen) implements PresenceEvent {

		@Override
		@JsonProperty("online")
		public boolean online() {
			return false;
		}
	}
}
