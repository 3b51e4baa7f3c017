package org.chatline.common.outbox;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer-side de-duplication: records an event id in the consumer's transaction and tells
 * whether it was seen before.
 */
public class ProcessedEvents {

	private final JdbcTemplate jdbc;

	public ProcessedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** True the first time an event id is offered; false for a redelivery. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(UUID eventId) {
		return jdbc.update("insert into processed_event (event_id) values (?) on conflict do nothing", eventId) == 1;
	}
}
