package org.chatline.group.groups;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.Topics;
import org.chatline.common.events.UserDeletedEvent;
import org.chatline.common.events.UserRegisteredEvent;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.group.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes {@code chat.users.v1}: keeps the known-user projection current and, when a user is
 * deleted, removes their memberships. It lives with the groups (not in {@code users}) because
 * one listener per consumer group must do both.
 */
@Component
class UserEventsListener {

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final EventCodec codec;

	private final UserDirectory directory;

	private final MembershipService memberships;

	private final ProcessedEvents processed;

	UserEventsListener(EventCodec codec, UserDirectory directory, MembershipService memberships,
			ProcessedEvents processed) {
		this.codec = codec;
		this.directory = directory;
		this.memberships = memberships;
		this.processed = processed;
	}

	@KafkaListener(topics = Topics.USERS, groupId = "group-service")
	@Transactional
	public void on(String json) {
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
				directory.remember(user.id(), user.username());
			}
			case EventTypes.USER_DELETED -> {
				if (processed.firstDelivery(event.eventId())) {
					UserDeletedEvent user = codec.payload(event, UserDeletedEvent.class);
					memberships.removeEverywhere(user.id(), event.actorId() != null ? event.actorId() : user.id());
				}
			}
			default -> {
			}
		}
	}
}
