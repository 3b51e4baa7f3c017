package org.chatline.common.outbox;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumer-side de-duplication: the {@code processed_event} table remembers each event id handled,
 * in the handler's transaction, and forgets ids older than the retention (long after Kafka could
 * redeliver them).
 */
public class ProcessedEvents {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	public ProcessedEvents(JdbcTemplate jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/**
	 * Runs {@code action} unless the event was handled before, in one transaction with the record
	 * that it was: if the action fails, neither stays and a redelivery tries again.
	 */
	public void once(UUID eventId, Runnable action) {
		tx.executeWithoutResult(status -> {
			if (firstDelivery(eventId)) {
				action.run();
			}
		});
	}

	/** True the first time an event id is offered; false for a redelivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(UUID eventId) {
		return jdbc.update("insert into processed_event (event_id) values (?) on conflict do nothing", eventId) == 1;
	}

	/** Forgets the events handled more than {@code retention} ago; returns how many. */
	public int purgeOlderThan(Duration retention) {
		return jdbc.update("delete from processed_event where processed_at < now() - make_interval(secs => ?)",
				(double) retention.toSeconds());
	}
}
