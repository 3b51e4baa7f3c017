package org.chatline.auth.users;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.Topics;
import org.chatline.common.events.UserDeletedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code chat.users.v1}; only {@code UserDeleted} concerns auth-service. */
@Component
class UserEventsListener {

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final EventCodec codec;

	private final AccountCleanup cleanup;

	UserEventsListener(EventCodec codec, AccountCleanup cleanup) {
		this.codec = codec;
		this.cleanup = cleanup;
	}

	@KafkaListener(topics = Topics.USERS, groupId = "${spring.application.name}")
	void onUserEvent(String value) {
		EventEnvelope envelope;
		try {
			envelope = codec.decode(value);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping a record on {} that is not an event envelope", Topics.USERS);
			return;
		}
		if (EventTypes.USER_DELETED.equals(envelope.type())) {
			cleanup.userDeleted(envelope.eventId(), codec.payload(envelope, UserDeletedEvent.class).id());
		}
	}
}
