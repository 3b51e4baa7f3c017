package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event on every topic: {@code {eventId, type, occurredAt, actorId, payload}}, the payload
 * being one record of a topic's sealed interface in an {@code -api} module and {@code type} that
 * record's {@code @JsonTypeName}. Consumers de-duplicate on {@code eventId} (delivery is at least
 * once).
 */
public record Event<T>(UUID eventId, String type, Instant occurredAt, UUID actorId, T payload) {
}
