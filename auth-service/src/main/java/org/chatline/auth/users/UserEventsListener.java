package org.chatline.auth.users;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventConsumer;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.user.api.UserEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code chat.users.v1}, each event once; only {@code UserDeleted} concerns auth-service. */
@Component
class UserEventsListener extends EventConsumer<UserEvent> {

	private final AccountCleanup cleanup;

	UserEventsListener(EventCodec codec, ProcessedEvents processed, AccountCleanup cleanup) {
		super(codec, processed, UserEvent.class);
		this.cleanup = cleanup;
	}

	@KafkaListener(topics = UserEvent.TOPIC, groupId = "${spring.application.name}")
	void onUserEvent(String value) {
		consume(value);
	}

	@Override
	protected void handle(Event<UserEvent> event) {
		if (event.payload() instanceof UserEvent.UserDeleted deleted) {
			cleanup.userDeleted(deleted.id());
		}
	}
}
