package org.chatline.realtime.socket;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.chatline.realtime.RealtimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Ends live sockets whose session may no longer act: the socket is marked ended (its emits are
 * refused from now on), leaves every room (nothing more is pushed to it), gets {@code error
 * {message}} saying why, and is closed.
 * <p>
 * A session that ended (logout, logout-all, refresh-token reuse, account deletion) gets a Socket.IO
 * DISCONNECT: socket.io-client treats it as final ({@code "io server disconnect"}) and does not
 * reconnect. An expired token gets an Engine.IO close instead, which the stock client answers by
 * reconnecting, calling its {@code auth} callback for a fresh token. Either way the session is
 * dropped after {@code session-end-grace}, whatever the client does.
 */
@Component
class SessionEnder {

	static final String SESSION_ENDED = "Session ended";

	static final String TOKEN_EXPIRED = "Token expired";

	private static final Logger log = LoggerFactory.getLogger(SessionEnder.class);

	private final SocketIOServer server;

	private final ScheduledExecutorService scheduler;

	private final long graceMillis;

	private final MeterRegistry meters;

	/** Engine.IO sessions being ended, so that each is ended once when two paths find it. */
	private final Set<UUID> ending = ConcurrentHashMap.newKeySet();

	SessionEnder(SocketIOServer server, ScheduledExecutorService realtimeScheduler, RealtimeProperties properties,
			MeterRegistry meters) {
		this.server = server;
		this.scheduler = realtimeScheduler;
		this.graceMillis = properties.sessionEndGrace().toMillis();
		this.meters = meters;
	}

	/** Ends this instance's sockets of these sessions (auth-service ended them). */
	void endSessions(Collection<UUID> sessionIds) {
		if (sessionIds.isEmpty()) {
			return;
		}
		Set<UUID> ended = Set.copyOf(sessionIds);
		for (SocketIOClient client : server.getAllClients()) {
			SocketSessions.user(client)
				.filter(user -> user.sessionId() != null && ended.contains(user.sessionId()))
				.ifPresent(user -> end(client, SESSION_ENDED));
		}
	}

	void end(SocketIOClient client, String reason) {
		UUID id = client.getSessionId();
		if (!ending.add(id)) {
			return;
		}
		SocketSessions.markEnded(client, reason);
		client.leaveRooms(Set.copyOf(client.getAllRooms()));
		client.sendEvent(SocketReplies.ERROR_EVENT, Map.of("message", reason));
		boolean reconnect = TOKEN_EXPIRED.equals(reason);
		if (reconnect && client instanceof NamespaceClient namespaced) {
			ClientHead session = namespaced.getBaseClient();
			session.send(new Packet(PacketType.CLOSE, session.getEngineIOVersion()));
		}
		else {
			client.disconnect();
		}
		meters.counter("chat.sockets.ended", "reason", reconnect ? "expired" : "session-ended").increment();
		log.debug("Socket {} ended: {}", id, reason);
		try {
			scheduler.schedule(() -> drop(client), graceMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: every session is about to be closed anyway.
			drop(client);
		}
	}

	/** Drops the session if the client did not close it itself; this runs the disconnect listeners. */
	private void drop(SocketIOClient client) {
		try {
			if (server.getClient(client.getSessionId()) != null) {
				if (client instanceof NamespaceClient namespaced) {
					namespaced.getBaseClient().disconnect();
				}
				else {
					client.disconnect();
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not drop socket {}", client.getSessionId(), ex);
		}
		finally {
			ending.remove(client.getSessionId());
		}
	}
}
