package org.chatline.realtime.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;
import org.chatline.common.events.Topics;
import org.chatline.realtime.RealtimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Consumes the events realtime pushes to sockets (messages, groups, calls, presence and the
 * ephemeral typing signals), drops redeliveries and hands each event to the handlers for its type.
 * <p>
 * Each instance consumes every event in a consumer group of its own ({@code realtime-<uuid>} unless
 * {@code chat.realtime.consumer-group} names one), because each instance can only reach its own
 * sockets. A fresh group starts at the latest offset: pushes are live notifications, and a client
 * that was not connected catches up through the REST API, so replaying history on every restart
 * would only push stale messages.
 */
@Component
class DomainEventConsumer {

	static final String LISTENER_ID = "realtime-events";

	private static final Logger log = LoggerFactory.getLogger(DomainEventConsumer.class);

	private final EventCodec codec;

	private final EventDeduplicator deduplicator;

	private final Map<String, List<DomainEventHandler>> handlers = new HashMap<>();

	private final String groupId;

	DomainEventConsumer(EventCodec codec, List<DomainEventHandler> handlers, RealtimeProperties properties) {
		this.codec = codec;
		this.deduplicator = new EventDeduplicator(properties.dedupCapacity());
		for (DomainEventHandler handler : handlers) {
			for (String type : handler.types()) {
				this.handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
			}
		}
		this.groupId = StringUtils.hasText(properties.consumerGroup()) ? properties.consumerGroup()
				: "realtime-" + UUID.randomUUID();
		log.info("Consuming domain events in consumer group {}", groupId);
	}

	public String groupId() {
		return groupId;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, groupId = "#{__listener.groupId()}",
			topics = { Topics.MESSAGES, Topics.GROUPS, Topics.CALLS, Topics.PRESENCE, Topics.SIGNALS },
			properties = "auto.offset.reset=latest")
	void onEvent(String value) {
		EventEnvelope event;
		try {
			event = codec.decode(value);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Skipping a record that is not an event envelope");
			return;
		}
		List<DomainEventHandler> forType = handlers.get(event.type());
		if (forType == null || !deduplicator.firstDelivery(event.eventId())) {
			return;
		}
		for (DomainEventHandler handler : forType) {
			try {
				handler.handle(event);
			}
			catch (RuntimeException ex) {
				// A push is best effort: retrying would stall every later event of the partition.
				log.warn("{} could not handle event {} ({})", handler.getClass().getSimpleName(), event.eventId(),
						event.type(), ex);
			}
		}
	}
}
