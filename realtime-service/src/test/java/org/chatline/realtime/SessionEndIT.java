package org.chatline.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.chatline.common.security.RevokedSessions;
import org.chatline.common.test.TestTokens;
import org.chatline.realtime.socket.SocketServerLifecycle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that ends (auth-service announces it) or a token that expires ends the live sockets
 * too: an {@code error} event saying why, then the socket is closed, and what it emits after that
 * is not forwarded.
 */
class SessionEndIT extends RealtimeITSupport {

	private static final String SESSION_ENDED = "42[\"error\",{\"message\":\"Session ended\"}]";

	@Autowired
	SocketServerLifecycle socketServer;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void endsTheSocketsOfARevokedSessionAtOnceAndKeepsTheUsersOtherSessions() throws Exception {
		UUID user = UUID.randomUUID();
		UUID ended = UUID.randomUUID();
		PollingClient phone = connected(user, ended);
		PollingClient laptop = connected(user, ended);
		PollingClient tablet = connected(user, UUID.randomUUID());

		awaitSubscribed();
		// Only the message, no key: the sweep could not have found it, the subscription did.
		redis.convertAndSend(RevokedSessions.CHANNEL, RevokedSessions.message(List.of(ended)));

		assertThat(phone.await(packet -> packet.startsWith("42[\"error\""), Duration.ofSeconds(2)))
			.isEqualTo(SESSION_ENDED);
		assertThat(laptop.await(packet -> packet.startsWith("42[\"error\""), Duration.ofSeconds(2)))
			.isEqualTo(SESSION_ENDED);
		String marker = "after-the-end-" + UUID.randomUUID();
		emitQuietly(phone, "429[\"message:send\",{\"content\":\"" + marker + "\",\"receiverId\":\"" + UUID.randomUUID()
				+ "\"}]");
		assertThat(awaitClosed(phone)).isTrue();
		assertThat(awaitClosed(laptop)).isTrue();
		assertThat(tablet.collect(Duration.ofMillis(1500))).noneMatch(packet -> packet.contains("error"));
		assertThat(MessageServiceStub.INSTANCE.calls).noneMatch(call -> call.body().contains(marker));
		tablet.send("4210[\"message:send\",{\"content\":\"still here\",\"receiverId\":\"" + UUID.randomUUID() + "\"}]");
		assertThat(tablet.await("4310")).contains("\"success\":true");
	}

	@Test
	void refusesWhatTheSocketEmitsOnceItsSessionEnded() throws Exception {
		UUID session = UUID.randomUUID();
		PollingClient socket = connected(UUID.randomUUID(), session);

		revoke(session);
		redis.convertAndSend(RevokedSessions.CHANNEL, RevokedSessions.message(List.of(session)));
		String marker = "raced-the-end-" + UUID.randomUUID();
		socket.await(packet -> packet.equals(SESSION_ENDED), Duration.ofSeconds(2));
		// A client that ignores the DISCONNECT and emits at once is refused, not forwarded.
		emitQuietly(socket, "4211[\"message:send\",{\"content\":\"" + marker + "\",\"receiverId\":\""
				+ UUID.randomUUID() + "\"}]");

		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> MessageServiceStub.INSTANCE.calls.stream().noneMatch(call -> call.body().contains(marker)));
	}

	@Test
	void endsTheSocketOfARevokedSessionEvenWhenTheMessageWasMissed() throws Exception {
		UUID session = UUID.randomUUID();
		PollingClient socket = connected(UUID.randomUUID(), session);

		// Only the key, as if the pub/sub message had been lost: the sweep (1 s in tests) finds it.
		revoke(session);

		assertThat(socket.await(packet -> packet.startsWith("42[\"error\""), Duration.ofSeconds(4)))
			.isEqualTo(SESSION_ENDED);
		assertThat(awaitClosed(socket)).isTrue();
	}

	@Test
	void endsTheSocketWhenItsAccessTokenExpires() throws Exception {
		UUID user = UUID.randomUUID();
		String shortLived = TestTokens.access(user, "short_lived", Instant.now().plusSeconds(3));
		PollingClient socket = PollingClient.open(port()).connect(shortLived);
		assertThat(socket.await(packet -> packet.startsWith("40") || packet.startsWith("44"), Duration.ofSeconds(5)))
			.startsWith("40{");

		assertThat(socket.await(packet -> packet.startsWith("42[\"error\""), Duration.ofSeconds(8)))
			.isEqualTo("42[\"error\",{\"message\":\"Token expired\"}]");
		assertThat(awaitClosed(socket)).isTrue();
	}

	/**
	 * The service subscribes at startup, retrying while Redis does not answer: wait until a publish
	 * reaches a subscriber (a probe without session ids ends nothing).
	 */
	private void awaitSubscribed() {
		await().atMost(15, TimeUnit.SECONDS).until(() -> {
			Long receivers = redis.convertAndSend(RevokedSessions.CHANNEL, "probe");
			return receivers != null && receivers > 0;
		});
	}

	private void revoke(UUID session) {
		redis.opsForValue().set(RevokedSessions.key(session), "1", Duration.ofMinutes(1));
	}

	private PollingClient connected(UUID user, UUID session) throws Exception {
		String token = TestTokens.access(user, "user_" + user.toString().substring(0, 8), Instant.now().plusSeconds(600),
				session);
		PollingClient socket = PollingClient.open(port()).connect(token);
		String answer = socket.await(packet -> packet.startsWith("40") || packet.startsWith("44"),
				Duration.ofSeconds(10));
		assertThat(answer).startsWith("40{");
		return socket;
	}

	/** Emits; a session the server already dropped refuses the POST, which is as good. */
	private static void emitQuietly(PollingClient socket, String packet) {
		try {
			socket.send(packet);
		}
		catch (Exception | AssertionError closed) {
			// Already gone.
		}
	}

	/** The socket got a Socket.IO DISCONNECT or an Engine.IO close, or its session is gone. */
	private static boolean awaitClosed(PollingClient socket) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
		while (System.nanoTime() < deadline) {
			try {
				List<String> packets = socket.collect(Duration.ofMillis(500));
				if (packets.contains("41") || packets.contains("1")) {
					return true;
				}
			}
			catch (IllegalStateException closed) {
				return true;
			}
		}
		return false;
	}

	private int port() {
		return socketServer.port();
	}
}
