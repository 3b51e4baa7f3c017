package org.chatline.common.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatline.common.events.Event;
import org.chatline.common.events.EventCodec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends an event to the outbox table in the caller's transaction, so the state change and its
 * event commit or roll back together. The relay publishes it to Kafka after the commit.
 */
public class OutboxWriter {

	private static final String WAKE_KEY = OutboxWriter.class.getName() + ".wake";

	private final JdbcTemplate jdbc;

	private final EventCodec codec;

	private final OutboxRelay relay;

	public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.relay = relay;
	}

	/**
	 * Appends {@code payload}, a record of a topic's sealed interface, to its topic (the
	 * interface's {@code TOPIC}) under its type name; {@code key} orders the events that share it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> Event<T> append(String key, UUID actorId, T payload) {
		Event<T> event = codec.event(actorId, payload);
		jdbc.update("insert into outbox_event (event_id, topic, msg_key, envelope) values (?, ?, ?, ?)",
				event.eventId(), EventCodec.topic(payload.getClass()), key, codec.encode(event));
		wakeRelayAfterCommit();
		return event;
	}

	/** An event to append with {@link #appendAll}: its key, its actor and its payload, as for {@link #append}. */
	public record Entry(String key, UUID actorId, Object payload) {
	}

	/**
	 * Appends several events in one round trip to the database (a JDBC batch), in list order, in the
	 * caller's transaction; as {@link #append} otherwise.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Event<Object>> appendAll(List<Entry> entries) {
		List<Event<Object>> events = new ArrayList<>(entries.size());
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			Event<Object> event = codec.event(entry.actorId(), entry.payload());
			events.add(event);
			rows.add(new Object[] { event.eventId(), EventCodec.topic(entry.payload().getClass()), entry.key(),
					codec.encode(event) });
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("insert into outbox_event (event_id, topic, msg_key, envelope) values (?, ?, ?, ?)", rows);
			wakeRelayAfterCommit();
		}
		return events;
	}

	private void wakeRelayAfterCommit() {
		if (TransactionSynchronizationManager.hasResource(WAKE_KEY)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(WAKE_KEY, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
				if (status == STATUS_COMMITTED) {
					relay.wakeUp();
				}
			}
		});
	}
}
