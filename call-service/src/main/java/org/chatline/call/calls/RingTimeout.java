package org.chatline.call.calls;

import org.chatline.call.CallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Marks calls nobody answered within {@code chat.calls.ring-timeout} as missed, every
 * {@code chat.calls.sweep-interval}. Safe with several replicas: each sweep skips calls another
 * transaction holds.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RingTimeout implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RingTimeout.class);

	private final CallTransitions transitions;

	private final CallProperties properties;

	RingTimeout(CallTransitions transitions, CallProperties properties) {
		this.transitions = transitions;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
	}

	void sweep() {
		try {
			// Batch after batch while there is a backlog (after downtime, say).
			int missed;
			do {
				missed = transitions.missExpired();
				log.debug("Marked {} unanswered calls missed", missed);
			}
			while (missed > 0);
		}
		catch (RuntimeException ex) {
			// The next sweep retries; a database hiccup must not stop the schedule.
			log.warn("Ring timeout sweep failed: {}", ex.toString());
		}
	}
}
