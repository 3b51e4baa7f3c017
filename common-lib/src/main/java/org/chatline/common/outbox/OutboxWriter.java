package org.chatline.common.outbox;

import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.events.EventEnvelope;

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

	@Transactional(propagation = Propagation.MANDATORY)
	public EventEnvelope append(String topic, String key, String type, UUID actorId, Object payload) {
		EventEnvelope envelope = codec.envelope(type, actorId, payload);
		jdbc.update("insert into outbox_event (event_id, topic, msg_key, envelope) values (?, ?, ?, ?)",
				envelope.eventId(), topic, key, codec.encode(envelope));
		wakeRelayAfterCommit();
		return envelope;
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
