package org.chatline.call.users;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.Topics;
import org.chatline.common.events.UserDeletedEvent;
import org.chatline.common.events.UserRegisteredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the known-user projection current. Upserts are idempotent, so redeliveries are harmless. */
@Component
class UserEventsListener {

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final EventCodec codec;

	private final UserDirectory directory;

	UserEventsListener(EventCodec codec, UserDirectory directory) {
		this.codec = codec;
		this.directory = directory;
	}

	@KafkaListener(topics = Topics.USERS, groupId = "call-service")
	void on(String json) {
		EventEnvelope event;
		try {
			event = codec.decode(json);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping malformed event on {}", Topics.USERS);
			return;
		}
		switch (event.type()) {
			case EventTypes.USER_REGISTERED -> {
				UserRegisteredEvent user = codec.payload(event, UserRegisteredEvent.class);
				directory.registered(user.id(), user.username(), user.email());
			}
			case EventTypes.USER_UPDATED -> {
				// user-service's UserUpdatedEvent is not in common-lib yet: read only the fields used here.
				UserUpdated user = codec.payload(event, UserUpdated.class);
				if (user.id() != null) {
					directory.updated(user.id(), user.username(), user.avatar());
				}
			}
			case EventTypes.USER_DELETED -> directory.forget(codec.payload(event, UserDeletedEvent.class).id());
			default -> {
			}
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserUpdated(UUID id, String username, String avatar) {
	}
}
