package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code UserOnline} / {@code UserOffline} on {@code chat.presence.v1}, keyed by user id,
 * published by realtime-service when a user's first socket connects or the last one has been
 * gone for the grace period. {@code lastSeen} is the moment of the transition.
 */
public record PresenceChangedEvent(UUID userId, boolean online, Instant lastSeen) {
}
