package org.chatline.user.presence;

import java.sql.Timestamp;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventConsumer;
import org.chatline.presence.api.PresenceEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The presence read model: {@code isOnline} and {@code lastSeen} follow what realtime-service
 * publishes. A transition older than the stored one is ignored, so a redelivered or late event
 * never turns a user back (no de-duplication needed).
 */
@Component
class PresenceEventsListener extends EventConsumer<PresenceEvent> {

	private final JdbcClient jdbc;

	PresenceEventsListener(EventCodec codec, JdbcClient jdbc) {
		super(codec, PresenceEvent.class);
		this.jdbc = jdbc;
	}

	@KafkaListener(topics = PresenceEvent.TOPIC, groupId = "user-service")
	void on(String json) {
		consume(json);
	}

	@Override
	protected void handle(Event<PresenceEvent> event) {
		PresenceEvent presence = event.payload();
		if (presence.userId() == null || presence.lastSeen() == null) {
			return;
		}
		Timestamp at = Timestamp.from(presence.lastSeen());
		jdbc.sql("update users set is_online = ?, last_seen = ? where id = ? and last_seen <= ?")
			.params(presence.online(), at, presence.userId(), at)
			.update();
	}
}
