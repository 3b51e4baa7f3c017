package org.chatline.realtime.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.RevokedSessions;
import org.chatline.realtime.RealtimeProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;

import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The periodic check of live sockets: expired tokens, and revocations whose message was missed. */
class SessionSweepTests {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final SocketIOServer server = mock(SocketIOServer.class);

	@SuppressWarnings("unchecked")
	private final ValueOperations<String, String> values = mock(ValueOperations.class);

	private final StringRedisTemplate redis = mock(StringRedisTemplate.class);

	private final SessionSweep sweep;

	SessionSweepTests() {
		when(redis.opsForValue()).thenReturn(values);
		RealtimeProperties properties = new RealtimeProperties(0, "127.0.0.1", Duration.ofSeconds(25),
				Duration.ofSeconds(20), Duration.ofSeconds(10), null, 100, 2, Duration.ofSeconds(1),
				Duration.ofSeconds(10), false, 4, 64, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ofMillis(500), 64, 4, 4096);
		SessionEnder ender = new SessionEnder(server, scheduler, properties, new SimpleMeterRegistry());
		sweep = new SessionSweep(server, ender, redis, scheduler, properties);
	}

	@AfterEach
	void stop() {
		scheduler.shutdownNow();
	}

	@Test
	void endsTheSocketsOfRevokedSessionsAndOnlyThose() {
		UUID revoked = UUID.randomUUID();
		UUID live = UUID.randomUUID();
		SocketIOClient ended = socket(revoked, Instant.now().plusSeconds(600));
		SocketIOClient kept = socket(live, Instant.now().plusSeconds(600));
		when(server.getAllClients()).thenReturn(List.of(ended, kept));
		when(values.multiGet(anyCollection())).thenAnswer(call -> call.<List<String>>getArgument(0)
			.stream()
			.map(key -> key.equals(RevokedSessions.key(revoked)) ? "1" : null)
			.toList());

		sweep.sweep();

		verify(ended).sendEvent("error", Map.of("message", "Session ended"));
		verify(ended).disconnect();
		verify(kept, never()).sendEvent("error", Map.of("message", "Session ended"));
	}

	@Test
	void endsASocketWhoseTokenExpiredEvenWhenRedisIsDown() {
		SocketIOClient expired = socket(UUID.randomUUID(), Instant.now().minusSeconds(1));
		SocketIOClient valid = socket(UUID.randomUUID(), Instant.now().plusSeconds(600));
		when(server.getAllClients()).thenReturn(List.of(expired, valid));
		when(values.multiGet(anyCollection())).thenThrow(new RedisConnectionFailureException("down"));

		sweep.sweep();
		sweep.sweep();

		verify(expired, times(1)).sendEvent("error", Map.of("message", "Token expired"));
		verify(valid, never()).disconnect();
	}

	private static SocketIOClient socket(UUID session, Instant expiresAt) {
		SocketIOClient client = SocketTestClients.client();
		SocketSessions.bind(client, new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", session, "t"), expiresAt);
		return client;
	}
}
