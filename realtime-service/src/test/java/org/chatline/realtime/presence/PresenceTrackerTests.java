package org.chatline.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.groups.UserRoomsReady;
import org.chatline.realtime.socket.SocketTestClients;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PresenceTrackerTests {

	private final PresenceStore store = mock(PresenceStore.class);

	private final PresencePublisher publisher = mock(PresencePublisher.class);

	private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);

	private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

	private final PresenceProperties properties = new PresenceProperties(Duration.ofSeconds(30),
			Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofDays(30), "i1");

	private final Set<UUID> connected = new java.util.HashSet<>();

	private final PresenceTracker tracker = new PresenceTracker(store, publisher, scheduler, properties, "i1", clock,
			connected::contains);

	private final AuthenticatedUser user = new AuthenticatedUser(UUID.randomUUID(), "ann", "USER", null, "t");

	private final SocketIOClient client = SocketTestClients.client();

	private final String connection = "i1:" + client.getSessionId();

	@Test
	void announcesTheFirstConnectionOnly() {
		when(store.connect(user.id(), connection, clock.millis(), 30_000)).thenReturn(true, false);

		tracker.roomsReady(new UserRoomsReady(client, user));
		tracker.roomsReady(new UserRoomsReady(client, user));

		verify(publisher).publish(user.id(), true, clock.instant());
	}

	@Test
	void checksForOfflineAfterTheGraceWhenTheLastSocketCloses() {
		tracker.roomsReady(new UserRoomsReady(client, user));
		when(store.disconnect(user.id(), connection, clock.millis(), 5_000)).thenReturn(0L);

		tracker.closed(client, user);

		ArgumentCaptor<Runnable> check = ArgumentCaptor.forClass(Runnable.class);
		verify(scheduler).schedule(check.capture(), eq(5_000L), eq(TimeUnit.MILLISECONDS));
		verify(publisher, never()).publish(any(), eq(false), any());

		when(store.settleOffline(user.id(), clock.millis())).thenReturn(true);
		check.getValue().run();
		verify(publisher).publish(user.id(), false, clock.instant());
	}

	@Test
	void staysOnlineWhileAnotherSocketIsLeft() {
		tracker.roomsReady(new UserRoomsReady(client, user));
		when(store.disconnect(user.id(), connection, clock.millis(), 5_000)).thenReturn(1L);

		tracker.closed(client, user);

		verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
	}

	@Test
	void aSocketThatWasNeverCountedReleasesNothing() {
		tracker.closed(client, user);

		verify(store, never()).disconnect(any(), anyString(), anyLong(), anyLong());
	}

	@Test
	void heartbeatRefreshesLiveSocketsReleasesClosedOnesAndSweepsDueUsers() {
		SocketIOClient gone = SocketTestClients.client();
		connected.add(client.getSessionId());
		tracker.roomsReady(new UserRoomsReady(client, user));
		tracker.roomsReady(new UserRoomsReady(gone, user));
		UUID crashed = UUID.randomUUID();
		when(store.due(clock.millis(), 200)).thenReturn(Set.of(crashed.toString()));
		when(store.settleOffline(crashed, clock.millis())).thenReturn(true);

		tracker.heartbeat();

		verify(store, org.mockito.Mockito.times(2)).connect(user.id(), connection, clock.millis(), 30_000);
		verify(store).disconnect(user.id(), "i1:" + gone.getSessionId(), clock.millis(), 5_000);
		verify(publisher).publish(crashed, false, clock.instant());
	}

	@Test
	void redisBeingDownNeverBreaksTheSocket() {
		when(store.connect(any(), anyString(), anyLong(), anyLong()))
			.thenThrow(new RedisConnectionFailureException("down"));

		assertThatCode(() -> tracker.roomsReady(new UserRoomsReady(client, user))).doesNotThrowAnyException();
		verify(publisher, never()).publish(any(), anyBoolean(), any());
	}
}
