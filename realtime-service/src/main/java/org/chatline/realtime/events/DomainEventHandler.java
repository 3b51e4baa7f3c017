package org.chatline.realtime.events;

import org.chatline.common.events.Event;

/**
 * Pushes one kind of domain event to sockets.
 *
 * @param <T> the payloads it takes: a topic's sealed interface, or one record of it
 */
public interface DomainEventHandler<T> {

	Class<T> payloadType();

	void handle(Event<T> event);
}
