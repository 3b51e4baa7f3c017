package org.chatline.realtime.events;

import java.util.Set;

import org.chatline.common.events.EventEnvelope;

/** Pushes one kind of domain event to sockets. */
public interface DomainEventHandler {

	/** The envelope types this handler takes, e.g. {@code MessageCreated}. */
	Set<String> types();

	void handle(EventEnvelope event);
}
