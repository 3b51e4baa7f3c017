package org.chatline.common.projection;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventConsumer;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.user.api.UserEvent;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * The one listener of {@code chat.users.v1} for a service that keeps the known-user projection: each
 * event is applied by {@link KnownUsers}' merge rule, in the consumer group named after the service.
 * A service makes it a bean by a subclass; one that does more with an event overrides
 * {@link #handle} and hands the rest to {@code super.handle}.
 */
public class KnownUsersListener extends EventConsumer<UserEvent> {

	private final KnownUsers users;

	/** Every delivery applied: the projection's writes are idempotent by themselves. */
	protected KnownUsersListener(EventCodec codec, KnownUsers users) {
		super(codec, UserEvent.class);
		this.users = users;
	}

	/** Each event once, for a subclass whose own handling is not idempotent. */
	protected KnownUsersListener(EventCodec codec, ProcessedEvents processed, KnownUsers users) {
		super(codec, processed, UserEvent.class);
		this.users = users;
	}

	@KafkaListener(topics = UserEvent.TOPIC, groupId = "${spring.application.name}")
	public void on(String json) {
		consume(json);
	}

	@Override
	protected void handle(Event<UserEvent> event) {
		users.apply(event.payload());
	}
}
