package org.chatline.user.presence;

import java.sql.Timestamp;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.EventTypes;
import org.chatline.common.events.PresenceChangedEvent;
import org.chatline.common.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The presence read model: {@code isOnline} and {@code lastSeen} follow what realtime-service
 * publishes. A transition older than the stored one is ignored, so a redelivered or late event
 * never turns a user back.
 */
@Component
class PresenceEventsListener {

	private static final Logger log = LoggerFactory.getLogger(PresenceEventsListener.class);

	private final EventCodec codec;

	private final JdbcClient jdbc;

	PresenceEventsListener(EventCodec codec, JdbcClient jdbc) {
		this.codec = codec;
		this.jdbc = jdbc;
	}

	@KafkaListener(topics = Topics.PRESENCE, groupId = "user-service")
	void on(String json) {
		EventEnvelope event;
		try {
			event = codec.decode(json);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping malformed event on {}", Topics.PRESENCE);
			return;
		}
		if (!EventTypes.USER_ONLINE.equals(event.type()) && !EventTypes.USER_OFFLINE.equals(event.type())) {
			return;
		}
		PresenceChangedEvent presence = codec.payload(event, PresenceChangedEvent.class);
		if (presence.userId() == null || presence.lastSeen() == null) {
			return;
		}
		jdbc.sql("update users set is_online = ?, last_seen = ? where id = ? and last_seen <= ?")
			.params(presence.online(), Timestamp.from(presence.lastSeen()), presence.userId(),
					Timestamp.from(presence.lastSeen()))
			.update();
	}
}
