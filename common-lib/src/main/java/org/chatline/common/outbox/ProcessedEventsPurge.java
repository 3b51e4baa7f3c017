package org.chatline.common.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Purges {@code processed_event} every {@code purge-interval}: without it the table grows by one
 * row per consumed event forever. Every replica may purge; the deletes are idempotent.
 */
public class ProcessedEventsPurge implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

	private final ProcessedEvents processed;

	private final Duration retention;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	public ProcessedEventsPurge(ProcessedEvents processed, OutboxProperties properties) {
		this.processed = processed;
		this.retention = properties.processedRetention();
		this.interval = properties.purgeInterval();
	}

	void purge() {
		try {
			int purged = processed.purgeOlderThan(retention);
			if (purged > 0) {
				log.debug("Purged {} processed event ids older than {}", purged, retention);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not purge processed events, retrying in {}: {}", interval, ex.toString());
		}
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "processed-event-purge");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
