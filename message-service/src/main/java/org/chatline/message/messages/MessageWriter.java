package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.common.api.ApiException;
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

	private record Pending<S, R>(S send, CompletableFuture<R> result, long arrived) {
	}

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

	private final BlockingQueue<Pending<S, R>> queue;

	private final int batchSize;

	private final long timeoutMillis;

	private final long queueTimeoutNanos;

	private final DistributionSummary batchSizes;

	private volatile boolean running;

	private Thread worker;

	MessageWriter(BatchStore<S, R> store, int batchSize, int queueCapacity, long queueTimeoutMillis,
			long timeoutMillis, MeterRegistry meters) {
		this.store = store;
		this.batchSize = batchSize;
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
		this.queueTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(queueTimeoutMillis);
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
		if (!running) {
			throw ApiException.unavailable("Message service is shutting down");
		}
		Pending<S, R> pending = new Pending<>(send, new CompletableFuture<>(), System.nanoTime());
		if (!queue.offer(pending)) {
			throw ApiException.unavailable("Message service busy, try again");
		}
		try {
			return pending.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
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
			pending.result().cancel(false);
			throw ApiException.unavailable("Message service busy, try again");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable("Message service is shutting down");
		}
	}

	@Override
	public void start() {
		running = true;
		worker = new Thread(this::loop, "message-writer");
		worker.setDaemon(true);
		worker.start();
	}

	@Override
	public void stop() {
		running = false;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<Pending<S, R>> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(pending -> pending.result()
			.completeExceptionally(ApiException.unavailable("Message service is shutting down")));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server (higher phase stops first), so sends in flight are written. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void loop() {
		List<Pending<S, R>> batch = new ArrayList<>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				Pending<S, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				refuseStale(batch);
				if (!batch.isEmpty()) {
					writeBatch(batch);
				}
			}
			catch (InterruptedException ex) {
				if (!running) {
					Thread.currentThread().interrupt();
				}
			}
			finally {
				batch.forEach(pending -> pending.result()
					.completeExceptionally(ApiException.unavailable("Message service is shutting down")));
				batch.clear();
			}
			if (Thread.currentThread().isInterrupted() && !running) {
				return;
			}
		}
	}

	/**
	 * Past capacity, sends wait: one that waited longer than the queue timeout (or whose caller
	 * stopped waiting) is refused now instead of being written late.
	 */
	private void refuseStale(List<Pending<S, R>> batch) {
		long now = System.nanoTime();
		batch.removeIf(pending -> {
			if (pending.result().isDone()) {
				return true;
			}
			if (now - pending.arrived() > queueTimeoutNanos) {
				pending.result().completeExceptionally(ApiException.unavailable("Message service busy, try again"));
				return true;
			}
			return false;
		});
	}

	/** Answers every send of the batch (a completed future ignores the finally clause above). */
	private void writeBatch(List<Pending<S, R>> batch) {
		batchSizes.record(batch.size());
		List<R> results;
		try {
			results = store.storeAll(batch.stream().map(Pending::send).toList());
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1 && !(ex instanceof StoreSeparately)) {
				batch.get(0).result().completeExceptionally(ex);
				return;
			}
			if (!(ex instanceof StoreSeparately)) {
				log.debug("A batch of {} messages failed ({}); storing them one by one", batch.size(), ex.toString());
			}
			batch.forEach(pending -> complete(pending, store::storeOne));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).result().complete(results.get(i));
		}
	}

	private void complete(Pending<S, R> pending, Function<S, R> storeOne) {
		try {
			pending.result().complete(storeOne.apply(pending.send()));
		}
		catch (RuntimeException ex) {
			pending.result().completeExceptionally(ex);
		}
	}
}
