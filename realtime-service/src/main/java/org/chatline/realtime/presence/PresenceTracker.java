package org.chatline.realtime.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.corundumstudio.socketio.SocketIOClient;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.realtime.groups.UserRoomsReady;
import org.chatline.realtime.socket.SocketSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;

/**
 * A user is online while at least one of their sockets, on any instance, is connected.
 * <p>
 * A socket counts from the moment its rooms are ready (so the {@code user:online} fan-out reaches
 * the user's groups) until it closes. The first connection announces {@code UserOnline}; when the
 * last one closes, {@code UserOffline} follows after the grace period unless a socket came back
 * (a page reload does not flap). Connections are refreshed by a heartbeat and expire without it,
 * and every instance sweeps users whose check is due, so a crashed instance's users go offline
 * after {@code ttl + grace} at most. Redis being down costs presence only, never the socket.
 */
class PresenceTracker implements SocketSessionListener {

	private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

	private static final int SWEEP_BATCH = 200;

	private final PresenceStore store;

	private final PresencePublisher publisher;

	private final ScheduledExecutorService scheduler;

	private final PresenceProperties properties;

	private final String instanceId;

	private final Clock clock;

	private final Predicate<UUID> connected;

	/** This instance's counted sockets: session id → user id. */
	private final Map<UUID, UUID> local = new ConcurrentHashMap<>();

	PresenceTracker(PresenceStore store, PresencePublisher publisher, ScheduledExecutorService scheduler,
			PresenceProperties properties, String instanceId, Clock clock, Predicate<UUID> connected) {
		this.store = store;
		this.publisher = publisher;
		this.scheduler = scheduler;
		this.properties = properties;
		this.instanceId = instanceId;
		this.clock = clock;
		this.connected = connected;
	}

	@EventListener
	public void roomsReady(UserRoomsReady ready) {
		UUID session = ready.client().getSessionId();
		UUID userId = ready.user().id();
		local.put(session, userId);
		try {
			if (store.connect(userId, connection(session), clock.millis(), properties.ttl().toMillis())) {
				publisher.publish(userId, true, clock.instant());
			}
		}
		catch (DataAccessException ex) {
			log.warn("Presence unavailable, user {} not counted online: {}", userId, ex.getMessage());
		}
	}

	@Override
	public void authenticated(SocketIOClient client, AuthenticatedUser user) {
		// Counted once its rooms are ready (roomsReady).
	}

	@Override
	public void closed(SocketIOClient client, AuthenticatedUser user) {
		UUID session = client.getSessionId();
		if (local.remove(session, user.id())) {
			release(session, user.id());
		}
	}

	private void release(UUID session, UUID userId) {
		try {
			long left = store.disconnect(userId, connection(session), clock.millis(), properties.grace().toMillis());
			if (left == 0) {
				scheduler.schedule(() -> settle(userId), properties.grace().toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Presence unavailable, user {} will go offline by expiry: {}", userId, ex.getMessage());
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: another instance's sweep announces the user offline after the grace.
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	public void startHeartbeat() {
		long period = properties.heartbeat().toMillis();
		scheduler.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
	}

	/** Refreshes this instance's connections, then announces offline whoever is due and has none left. */
	void heartbeat() {
		try {
			long now = clock.millis();
			local.forEach((session, userId) -> {
				if (!connected.test(session)) {
					// Closed while its rooms were being joined: the close found nothing to release.
					if (local.remove(session, userId)) {
						release(session, userId);
					}
					return;
				}
				// A user swept offline while connected (Redis lost our entries) is announced again.
				if (store.connect(userId, connection(session), now, properties.ttl().toMillis())) {
					publisher.publish(userId, true, clock.instant());
				}
			});
			for (String user : store.due(now, SWEEP_BATCH)) {
				settle(UUID.fromString(user));
			}
		}
		catch (DataAccessException ex) {
			log.warn("Presence heartbeat failed: {}", ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Never let an exception cancel the periodic task.
			log.warn("Presence heartbeat failed", ex);
		}
	}

	void settle(UUID userId) {
		try {
			if (store.settleOffline(userId, clock.millis())) {
				publisher.publish(userId, false, Instant.now(clock));
			}
		}
		catch (DataAccessException ex) {
			log.warn("Presence unavailable, user {} left for the sweep: {}", userId, ex.getMessage());
		}
	}

	private String connection(UUID session) {
		return instanceId + ":" + session;
	}
}
