package org.chatline.message.messages;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chatline.common.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer's batching and its refusals, with a store that only records what it was given. */
class MessageWriterTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<List<String>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final MessageWriter.BatchStore<String, String> store = new MessageWriter.BatchStore<>() {

		@Override
		public List<String> storeAll(List<String> sends) {
			await(release);
			batches.add(sends);
			if (sends.contains("bad")) {
				throw new IllegalStateException("one bad send");
			}
			return sends.stream().map(send -> "stored " + send).toList();
		}

		@Override
		public String storeOne(String send) {
			if (send.equals("bad")) {
				throw ApiException.validation("bad send");
			}
			return "alone " + send;
		}
	};

	private MessageWriter<String, String> writer;

	@AfterEach
	void stop() {
		release.countDown();
		writer.stop();
	}

	@Test
	void sendsWaitingWhileATransactionIsWrittenShareTheNextOneAndABadOneFailsAlone() throws Exception {
		writer = start(1000);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> writer.write("a"));
		Thread.sleep(100);
		CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> writer.write("b"));
		CompletableFuture<String> bad = CompletableFuture.supplyAsync(() -> writer.write("bad"));
		CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> writer.write("c"));
		Thread.sleep(200);
		release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
		assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("alone b");
		assertThat(c.get(5, TimeUnit.SECONDS)).isEqualTo("alone c");
		assertThatThrownBy(() -> bad.join()).hasCauseInstanceOf(ApiException.class).hasMessageContaining("bad send");
		assertThat(batches).hasSize(2);
		assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "bad", "c");
	}

	@Test
	void aSendThatWaitedLongerThanTheQueueTimeoutIsRefusedNotWrittenLate() throws Exception {
		writer = start(100);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> writer.write("a"));
		Thread.sleep(100);
		CompletableFuture<String> late = CompletableFuture.supplyAsync(() -> writer.write("late"));
		Thread.sleep(300);
		release.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored a");
		assertThatThrownBy(() -> late.join()).hasCauseInstanceOf(ApiException.class)
			.hasMessageContaining("busy");
		assertThat(batches).containsExactly(List.of("a"));
		assertThat(writer.write("next")).isEqualTo("stored next");
	}

	private MessageWriter<String, String> start(long queueTimeoutMillis) {
		MessageWriter<String, String> started = new MessageWriter<>(store, 64, 16, queueTimeoutMillis, 5000,
				new SimpleMeterRegistry());
		started.start();
		return started;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
