package org.chatline.common.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Every event on every topic: {@code {eventId, type, occurredAt, actorId, payload}}. Consumers
 * de-duplicate on {@code eventId} (delivery is at least once).
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, UUID actorId, JsonNode payload) {
}
