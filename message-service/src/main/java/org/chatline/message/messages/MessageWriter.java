package org.chatline.message.messages;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.api.ApiException;
import org.chatline.common.batch.BatchQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Group commit for new messages, done honestly: sends that arrive while a transaction is being
 * written wait in a bounded queue, and one writer thread stores everything waiting (up to
 * {@code batchSize}) in the next single transaction. A caller is answered only after that
 * transaction committed (synchronously, with the WAL flushed), so an acknowledged message survives
 * a crash of any process; one commit, and a handful of statements, serve the whole batch.
 * <p>
 * When a batch fails as a whole (one bad message, a lost race with a retry of the same
 * {@code clientMessageId}), each of its sends is stored again on its own, so a failure reaches only
 * the send that caused it. A full queue refuses a send at once (503), and a send that waited in it
 * longer than the queue timeout is refused (503) when its turn comes instead of being written late:
 * past capacity the platform says so early.
 *
 * @param <S> a send waiting to be stored
 * @param <R> what a stored send answers
 */
final class MessageWriter<S, R> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

	/** Thrown by {@link BatchStore#storeAll} when the batch's sends must be stored one by one. */
	static final class StoreSeparately extends RuntimeException {

		StoreSeparately() {
			super("store separately", null, false, false);
		}
	}

	/** Stores a whole batch in one transaction; answers in the batch's order. */
	interface BatchStore<S, R> {

		List<R> storeAll(List<S> sends);

		/** One send in its own transaction, when its batch failed. */
		R storeOne(S send);
	}

	private final BatchStore<S, R> store;

	private final BatchQueue<S, R> queue;

	private final long timeoutMillis;

	private final DistributionSummary batchSizes;

	MessageWriter(BatchStore<S, R> store, int batchSize, int queueCapacity, long queueTimeoutMillis,
			long timeoutMillis, MeterRegistry meters) {
		this.store = store;
		this.queue = new BatchQueue<>("message-writer", 1, queueCapacity, batchSize, queueTimeoutMillis,
				this::writeBatch, (result, why) -> result.completeExceptionally(switch (why) {
					case FULL, STALE -> ApiException.unavailable("Message service busy, try again");
					case STOPPED, UNANSWERED -> ApiException.unavailable("Message service is shutting down");
				}));
		this.timeoutMillis = timeoutMillis;
		this.batchSizes = DistributionSummary.builder("chat.messages.write.batch")
			.description("New messages stored per transaction")
			.register(meters);
	}

	/**
	 * Stores the send with the next batch and returns its answer once that batch committed.
	 * @throws ApiException 503 when the queue is full, the writer stopped, or no commit came in time
	 * (the send may still be stored then; a retry with the same {@code clientMessageId} tells)
	 */
	R write(S send) {
		return await(submit(send), deadline());
	}

	/** When sends submitted now must have been answered ({@link System#nanoTime()}). */
	long deadline() {
		return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
	}

	/**
	 * Queues the send for the next batch without waiting: several sends submitted one after the other
	 * (a batch forwarded by realtime-service) are stored together, then {@link #await} each. A full
	 * queue or a stopped writer completes the answer at once with a 503.
	 */
	CompletableFuture<R> submit(S send) {
		return queue.submit(send);
	}

	/** The answer of a submitted send, once its batch committed (503 when none came by the deadline). */
	R await(CompletableFuture<R> result, long deadlineNanos) {
		try {
			return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			// Not written unless the writer already took it (then it may be stored: a retry with the
			// same clientMessageId is answered with it).
			result.cancel(false);
			throw ApiException.unavailable("Message service busy, try again");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable("Message service is shutting down");
		}
	}

	@Override
	public void start() {
		queue.start();
	}

	@Override
	public void stop() {
		queue.stop();
	}

	@Override
	public boolean isRunning() {
		return queue.isRunning();
	}

	/** Stops after the web server (higher phase stops first), so sends in flight are written. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/** Answers every send of the batch. */
	private void writeBatch(List<BatchQueue.Item<S, R>> batch) {
		batchSizes.record(batch.size());
		List<R> results;
		try {
			results = store.storeAll(batch.stream().map(BatchQueue.Item::value).toList());
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1 && !(ex instanceof StoreSeparately)) {
				batch.get(0).result().completeExceptionally(ex);
				return;
			}
			if (!(ex instanceof StoreSeparately)) {
				log.debug("A batch of {} messages failed ({}); storing them one by one", batch.size(), ex.toString());
			}
			batch.forEach(item -> storeOne(item));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).result().complete(results.get(i));
		}
	}

	private void storeOne(BatchQueue.Item<S, R> item) {
		try {
			item.result().complete(store.storeOne(item.value()));
		}
		catch (RuntimeException ex) {
			item.result().completeExceptionally(ex);
		}
	}
}
