package org.chatline.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order, in batches, then deletes them. One relay at a time
 * per database (a transaction-scoped advisory lock), so events keep their commit order per key
 * even with several service replicas. A failed send rolls the batch back and is retried: delivery
 * is at least once and consumers de-duplicate on {@code eventId}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Arbitrary constant naming the advisory lock that elects the one active relay. */
	private static final long LOCK_KEY = 0x6f7574626f78L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final KafkaTemplate<String, String> kafka;

	private final int batchSize;

	private final Duration pollInterval;

	private final Counter published;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signal = lock.newCondition();

	private boolean pending;

	private volatile boolean running;

	private Thread worker;

	public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.kafka = kafka;
		this.batchSize = properties.batchSize();
		this.pollInterval = properties.pollInterval();
		this.published = Counter.builder("chat.outbox.published").description("Events relayed to Kafka").register(meters);
	}

	/** Called after a transaction that wrote to the outbox commits. */
	public void wakeUp() {
		lock.lock();
		try {
			pending = true;
			signal.signal();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void start() {
		running = true;
		worker = new Thread(this::loop, "outbox-relay");
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	public void stop() {
		running = false;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			try {
				int sent = relayBatch();
				if (sent < batchSize) {
					awaitWork();
				}
			}
			catch (RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("Outbox relay failed, retrying: {}", ex.toString());
				sleepQuietly(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void awaitWork() throws InterruptedException {
		lock.lock();
		try {
			if (!pending) {
				signal.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
			}
			pending = false;
		}
		finally {
			lock.unlock();
		}
	}

	/** Relays one batch; returns how many events it published. */
	int relayBatch() {
		Integer count = tx.execute(status -> {
			List<Long> ids = new ArrayList<>();
			List<CompletableFuture<?>> sends = new ArrayList<>();
			// One round trip: the leader lock, then the batch (none unless this relay holds the lock).
			// The delete's commit need not wait for the WAL flush: if it is lost in a crash, the rows
			// are published again, and consumers drop the duplicates by event id.
			jdbc.query("""
					with leader as materialized (
					    select pg_try_advisory_xact_lock(?) as held, set_config('synchronous_commit', 'off', true))
					select id, topic, msg_key, envelope from outbox_event
					where (select held from leader) order by id limit ?""", rs -> {
				ids.add(rs.getLong(1));
				sends.add(kafka.send(rs.getString(2), rs.getString(3), rs.getString(4)));
			}, LOCK_KEY, batchSize);
			if (ids.isEmpty()) {
				return 0;
			}
			try {
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				throw new IllegalStateException("Kafka did not acknowledge the batch", ex);
			}
			jdbc.update("delete from outbox_event where id = any(?)",
					(Object) ids.toArray(Long[]::new));
			return ids.size();
		});
		int sent = count == null ? 0 : count;
		published.increment(sent);
		return sent;
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
