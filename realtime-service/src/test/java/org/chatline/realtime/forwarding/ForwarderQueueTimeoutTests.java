package org.chatline.realtime.forwarding;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Past capacity an emit is refused at once when its turn comes too late, not forwarded late. */
class ForwarderQueueTimeoutTests {

	private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

	@AfterEach
	void stop() {
		pool.shutdown();
	}

	@Test
	void anEmitThatWaitedTooLongForAThreadIsRefusedBusyAndNotForwarded() throws Exception {
		pool.setCorePoolSize(1);
		pool.setMaxPoolSize(1);
		pool.setQueueCapacity(10);
		pool.initialize();
		Forwarder forwarder = new Forwarder(pool, WriteLimiter.off(), 4, 64, Duration.ofMillis(100));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger forwarded = new AtomicInteger();
		Map<String, Object> ok = Map.of("success", true);

		// One slow call holds the only thread for 300 ms; another user's emit waits behind it.
		forwarder.forward(SocketTestClients.client(), user(), ack(), WriteLimit.MESSAGES, () -> {
			await(release);
			forwarded.incrementAndGet();
			return new ServiceReply(201, ok);
		});
		SocketIOClient late = SocketTestClients.client();
		AckRequest lateAck = ack();
		forwarder.forward(late, user(), lateAck, WriteLimit.MESSAGES, () -> {
			forwarded.incrementAndGet();
			return new ServiceReply(201, ok);
		});
		Thread.sleep(300);
		release.countDown();

		verify(lateAck, timeout(2000)).sendAckData(argThat((Object body) -> body instanceof Map<?, ?> map
				&& "SERVICE_UNAVAILABLE".equals(map.get("code"))));
		verify(late).sendEvent("error", Map.of("message", Forwarder.BUSY));
		assertThat(forwarded).hasValue(1);

		// Once the backlog is gone, an emit is forwarded again.
		AckRequest nextAck = ack();
		forwarder.forward(SocketTestClients.client(), user(), nextAck, WriteLimit.MESSAGES,
				() -> new ServiceReply(201, ok));
		verify(nextAck, timeout(2000)).sendAckData(ok);
	}

	private static AuthenticatedUser user() {
		return new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "token");
	}

	private static AckRequest ack() {
		AckRequest ack = mock(AckRequest.class);
		when(ack.isAckRequested()).thenReturn(true);
		return ack;
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
