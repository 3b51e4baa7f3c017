package org.chatline.common.batch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BatchQueue}: what arrives while a batch is handled goes into the next one, and every item
 * is answered once: by the handler, or refused (full, stale, stopped, left unanswered).
 */
class BatchQueueTests {

	private final List<List<String>> batches = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private BatchQueue<String, String> queue;

	@AfterEach
	void stop() {
		release.countDown();
		if (queue != null) {
			queue.stop();
		}
	}

	@Test
	void itemsThatArriveWhileABatchIsHandledGoTogetherIntoTheNextUpToTheBatchSize() throws Exception {
		queue = queue(1, 100, 3, 5_000);
		CompletableFuture<String> first = queue.submit("hold");
		awaitBatches(1);
		List<CompletableFuture<String>> waiting = List.of(queue.submit("a"), queue.submit("b"), queue.submit("c"),
				queue.submit("d"));
		release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("HOLD");
		List<String> answers = new java.util.ArrayList<>();
		for (CompletableFuture<String> each : waiting) {
			answers.add(each.get(5, TimeUnit.SECONDS));
		}
		assertThat(answers).containsExactly("A", "B", "C", "D");
		assertThat(batches).containsExactly(List.of("hold"), List.of("a", "b", "c"), List.of("d"));
	}

	@Test
	void refusesWhenFullWhenStaleAndWhenTheHandlerLeavesAnItemUnanswered() throws Exception {
		queue = queue(1, 2, 10, 200);
		CompletableFuture<String> held = queue.submit("hold");
		awaitBatches(1);
		CompletableFuture<String> stale = queue.submit("late");
		CompletableFuture<String> alsoStale = queue.submit("fail");
		CompletableFuture<String> full = queue.submit("one too many");
		assertThat(full.get()).isEqualTo("refused FULL");
		Thread.sleep(300);
		release.countDown();

		assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("HOLD");
		assertThat(stale.get(5, TimeUnit.SECONDS)).isEqualTo("refused STALE");
		assertThat(alsoStale.get(5, TimeUnit.SECONDS)).isEqualTo("refused STALE");
		CompletableFuture<String> failing = queue.submit("fail");
		assertThat(failing.get(5, TimeUnit.SECONDS)).isEqualTo("refused UNANSWERED");
	}

	@Test
	void aStoppedQueueRefusesWhatIsQueuedAndWhatComesAfter() throws Exception {
		queue = queue(1, 10, 10, 5_000);
		CompletableFuture<String> held = queue.submit("hold");
		awaitBatches(1);
		CompletableFuture<String> queued = queue.submit("queued");
		Thread stopper = new Thread(queue::stop);
		stopper.start();
		release.countDown();
		stopper.join(15_000);

		assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("HOLD");
		assertThat(queued.get(5, TimeUnit.SECONDS)).isIn("QUEUED", "refused STOPPED");
		assertThat(queue.submit("after").get()).isEqualTo("refused STOPPED");
	}

	/** Upper-cases each item; "hold" waits for the release, "fail" makes the batch throw. */
	private BatchQueue<String, String> queue(int threads, int capacity, int batchSize, long maxWaitMillis) {
		BatchQueue<String, String> created = new BatchQueue<>("test-batch", threads, capacity, batchSize, maxWaitMillis,
				batch -> {
					List<String> values = batch.stream().map(BatchQueue.Item::value).toList();
					batches.add(values);
					if (values.contains("hold")) {
						awaitRelease();
					}
					if (values.contains("fail")) {
						throw new IllegalStateException("batch failed");
					}
					batch.forEach(item -> item.result().complete(item.value().toUpperCase()));
				}, (result, why) -> result.complete("refused " + why));
		created.start();
		return created;
	}

	private void awaitRelease() {
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitBatches(int count) throws InterruptedException {
		for (int i = 0; i < 250 && batches.size() < count; i++) {
			Thread.sleep(20);
		}
		assertThat(batches).hasSize(count);
	}
}
