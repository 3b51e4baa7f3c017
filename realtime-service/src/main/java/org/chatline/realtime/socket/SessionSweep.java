package org.chatline.realtime.socket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.RevokedSessions;
import org.chatline.realtime.RealtimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Every {@code session-sweep}, checks this instance's sockets: those whose access token has expired
 * are ended, and so are those whose session auth-service marked revoked, in case the pub/sub
 * message was missed (Redis restarted or the subscription was down). One MGET per 500 sessions.
 */
@Component
class SessionSweep {

	private static final Logger log = LoggerFactory.getLogger(SessionSweep.class);

	private static final int BATCH = 500;

	private final SocketIOServer server;

	private final SessionEnder ender;

	private final StringRedisTemplate redis;

	private final ScheduledExecutorService scheduler;

	private final long intervalMillis;

	private volatile boolean redisFailing;

	SessionSweep(SocketIOServer server, SessionEnder ender, StringRedisTemplate redis,
			ScheduledExecutorService realtimeScheduler, RealtimeProperties properties) {
		this.server = server;
		this.ender = ender;
		this.redis = redis;
		this.scheduler = realtimeScheduler;
		this.intervalMillis = properties.sessionSweep().toMillis();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		scheduler.scheduleWithFixedDelay(this::sweepSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// Never let one failure cancel the schedule.
			log.warn("Session sweep failed", ex);
		}
	}

	void sweep() {
		Instant now = Instant.now();
		Map<UUID, List<SocketIOClient>> bySession = new HashMap<>();
		for (SocketIOClient client : server.getAllClients()) {
			AuthenticatedUser user = SocketSessions.user(client).orElse(null);
			if (user == null || client.get(SocketSessions.ENDED_KEY) != null) {
				continue;
			}
			if (SocketSessions.expiresAt(client).filter(expiry -> !now.isBefore(expiry)).isPresent()) {
				ender.end(client, SessionEnder.TOKEN_EXPIRED);
			}
			else if (user.sessionId() != null) {
				bySession.computeIfAbsent(user.sessionId(), id -> new ArrayList<>()).add(client);
			}
		}
		List<UUID> sessions = new ArrayList<>(bySession.keySet());
		try {
			for (int from = 0; from < sessions.size(); from += BATCH) {
				List<UUID> batch = sessions.subList(from, Math.min(sessions.size(), from + BATCH));
				List<String> revoked = redis.opsForValue().multiGet(batch.stream().map(RevokedSessions::key).toList());
				for (int i = 0; revoked != null && i < batch.size(); i++) {
					if (revoked.get(i) != null) {
						bySession.get(batch.get(i)).forEach(client -> ender.end(client, SessionEnder.SESSION_ENDED));
					}
				}
			}
			if (redisFailing) {
				log.info("Session sweep reaches Redis again");
				redisFailing = false;
			}
		}
		catch (DataAccessException ex) {
			// Fail open, as at the handshake: tokens still end at their expiry. Logged once per outage.
			if (!redisFailing) {
				log.warn("Session sweep cannot check revocations, Redis unavailable: {}", ex.getMessage());
				redisFailing = true;
			}
		}
	}
}
