package org.chatline.realtime.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Remembers the most recent event ids (bounded, least recently seen evicted first). Delivery is at
 * least once; a redelivered event must not be pushed to clients twice. Pushes are ephemeral, so an
 * in-memory window is enough: a duplicate older than the window is rare and harmless to the client,
 * which de-duplicates by message id anyway.
 */
class EventDeduplicator {

	private final Map<UUID, Boolean> seen;

	EventDeduplicator(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
				return size() > capacity;
			}
		};
	}

	/** True the first time an id is offered (within the window), false for a repeat. */
	synchronized boolean firstDelivery(UUID eventId) {
		return seen.put(eventId, Boolean.TRUE) == null;
	}
}
