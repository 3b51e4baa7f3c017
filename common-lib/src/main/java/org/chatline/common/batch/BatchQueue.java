package org.chatline.common.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that is cheaper together: items wait in a bounded queue, and each worker thread takes
 * everything waiting (up to {@code batchSize}) and hands it to the {@link Handler} as one batch, so
 * what arrives while a batch is being handled goes into the next one. Nothing lingers to fill a
 * batch: under light load a batch holds one item.
 * <p>
 * Every item is answered exactly once, through its future: by the handler, or with a
 * {@link Refusal} when the queue is full, the item waited longer than {@code maxWait} (past
 * capacity it is refused when its turn comes instead of being handled late), the queue stopped, or
 * the handler left it unanswered (it failed). An item whose caller stopped waiting (its future is
 * already done) is skipped.
 *
 * @param <S> an item waiting
 * @param <R> its answer
 */
public final class BatchQueue<S, R> {

	private static final Logger log = LoggerFactory.getLogger(BatchQueue.class);

	/** Why an item was not handled. */
	public enum Refusal {

		/** The queue was full when it came. */
		FULL,
		/** It waited longer than {@code maxWait} for a worker. */
		STALE,
		/** The queue stopped (or was not started). */
		STOPPED,
		/** Its batch failed without answering it. */
		UNANSWERED
	}

	/** An item, where its answer goes, and when it came ({@link System#nanoTime()}). */
	public record Item<S, R>(S value, CompletableFuture<R> result, long arrived) {
	}

	/** Handles one batch, answering each item through its future, in any order. */
	@FunctionalInterface
	public interface Handler<S, R> {

		void handle(List<Item<S, R>> batch);
	}

	/** Answers a refused item (completes its future, normally or exceptionally). */
	@FunctionalInterface
	public interface Refuser<R> {

		void refuse(CompletableFuture<R> result, Refusal why);
	}

	private final String name;

	private final BlockingQueue<Item<S, R>> queue;

	private final int batchSize;

	private final int threads;

	private final long maxWaitNanos;

	private final Handler<S, R> handler;

	private final Refuser<R> refuser;

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	/**
	 * @param name the worker threads' name ({@code name-0}, ...)
	 * @param threads workers, each handling one batch at a time
	 * @param capacity most items waiting
	 * @param batchSize most items per batch
	 * @param maxWaitMillis an item that waited longer for a worker is refused {@link Refusal#STALE}
	 */
	public BatchQueue(String name, int threads, int capacity, int batchSize, long maxWaitMillis,
			Handler<S, R> handler, Refuser<R> refuser) {
		this.name = name;
		this.threads = threads;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.batchSize = batchSize;
		this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
		this.handler = handler;
		this.refuser = refuser;
	}

	/** Queues the item for the next batch; its future completes when it is answered or refused. */
	public CompletableFuture<R> submit(S value) {
		CompletableFuture<R> result = new CompletableFuture<>();
		if (!running) {
			refuser.refuse(result, Refusal.STOPPED);
		}
		else if (!queue.offer(new Item<>(value, result, System.nanoTime()))) {
			refuser.refuse(result, Refusal.FULL);
		}
		return result;
	}

	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(this::work, name + "-" + i);
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
	}

	/**
	 * Stops taking items: each worker finishes the batch in hand (waited for at most 10 s), and
	 * whatever is still queued is refused {@link Refusal#STOPPED}.
	 */
	public synchronized void stop() {
		running = false;
		workers.forEach(Thread::interrupt);
		for (Thread worker : workers) {
			try {
				worker.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		workers.clear();
		List<Item<S, R>> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(item -> refuser.refuse(item.result(), Refusal.STOPPED));
	}

	public boolean isRunning() {
		return running;
	}

	private void work() {
		List<Item<S, R>> batch = new ArrayList<>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				Item<S, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				skipDoneAndStale(batch);
				if (!batch.isEmpty()) {
					handler.handle(batch);
				}
			}
			catch (InterruptedException ex) {
				if (!running) {
					Thread.currentThread().interrupt();
				}
			}
			catch (RuntimeException ex) {
				log.warn("{}: a batch of {} failed", name, batch.size(), ex);
			}
			finally {
				batch.stream()
					.filter(item -> !item.result().isDone())
					.forEach(item -> refuser.refuse(item.result(), Refusal.UNANSWERED));
				batch.clear();
			}
			if (Thread.currentThread().isInterrupted() && !running) {
				return;
			}
		}
	}

	private void skipDoneAndStale(List<Item<S, R>> batch) {
		long now = System.nanoTime();
		batch.removeIf(item -> {
			if (item.result().isDone()) {
				return true;
			}
			if (now - item.arrived() > maxWaitNanos) {
				refuser.refuse(item.result(), Refusal.STALE);
				return true;
			}
			return false;
		});
	}
}
