package org.chatline.realtime.presence;

import java.time.Instant;
import java.util.UUID;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.presence.api.PresenceEvent.UserOffline;
import org.chatline.presence.api.PresenceEvent.UserOnline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes {@code UserOnline} / {@code UserOffline} on {@code chat.presence.v1}, keyed by user id.
 * Straight to Kafka: this service has no database for an outbox, and a lost presence event is
 * corrected by the next transition (user-service's read model is a hint, not a record).
 */
class PresencePublisher {

	private static final Logger log = LoggerFactory.getLogger(PresencePublisher.class);

	private final KafkaTemplate<String, String> kafka;

	private final EventCodec codec;

	PresencePublisher(KafkaTemplate<String, String> kafka, EventCodec codec) {
		this.kafka = kafka;
		this.codec = codec;
	}

	void publish(UUID userId, boolean online, Instant at) {
		Event<PresenceEvent> event = codec.event(userId, online ? new UserOnline(userId, at) : new UserOffline(userId, at));
		kafka.send(PresenceEvent.TOPIC, userId.toString(), codec.encode(event)).whenComplete((result, failure) -> {
			if (failure != null) {
				log.warn("Could not publish {} for user {}: {}", event.type(), userId, failure.getMessage());
			}
		});
	}
}
