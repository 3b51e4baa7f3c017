package org.chatline.realtime.events;

import java.util.List;
import java.util.UUID;

import org.chatline.call.api.CallEvent;
import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventConsumer;
import org.chatline.group.api.GroupEvent;
import org.chatline.message.api.MessageEvent;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.presence.api.SignalEvent;
import org.chatline.realtime.RealtimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Consumes the events realtime pushes to sockets (messages, groups, calls, presence and the
 * ephemeral typing signals), drops redeliveries and hands each event to the handlers of its payload.
 * <p>
 * Each instance consumes every event in a consumer group of its own ({@code realtime-<uuid>} unless
 * {@code chat.realtime.consumer-group} names one), because each instance can only reach its own
 * sockets. A fresh group starts at the latest offset: pushes are live notifications, and a client
 * that was not connected catches up through the REST API, so replaying history on every restart
 * would only push stale messages.
 */
@Component
class DomainEventConsumer extends EventConsumer<Object> {

	static final String LISTENER_ID = "realtime-events";

	private static final Logger log = LoggerFactory.getLogger(DomainEventConsumer.class);

	private final EventDeduplicator deduplicator;

	private final List<DomainEventHandler<?>> handlers;

	private final String groupId;

	DomainEventConsumer(EventCodec codec, List<DomainEventHandler<?>> handlers, RealtimeProperties properties) {
		super(codec, null, List.of(MessageEvent.class, GroupEvent.class, CallEvent.class, PresenceEvent.class,
				SignalEvent.class));
		this.deduplicator = new EventDeduplicator(properties.dedupCapacity());
		this.handlers = handlers;
		this.groupId = StringUtils.hasText(properties.consumerGroup()) ? properties.consumerGroup()
				: "realtime-" + UUID.randomUUID();
		log.info("Consuming domain events in consumer group {}", groupId);
	}

	public String groupId() {
		return groupId;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, groupId = "#{__listener.groupId()}",
			topics = { MessageEvent.TOPIC, GroupEvent.TOPIC, CallEvent.TOPIC, PresenceEvent.TOPIC, SignalEvent.TOPIC },
			properties = "auto.offset.reset=latest")
	void onEvent(String value) {
		consume(value);
	}

	/** Pushes are ephemeral: an in-memory window of event ids is enough to drop redeliveries. */
	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	protected void handle(Event<Object> event) {
		if (!deduplicator.firstDelivery(event.eventId())) {
			return;
		}
		for (DomainEventHandler handler : handlers) {
			if (!handler.payloadType().isInstance(event.payload())) {
				continue;
			}
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
