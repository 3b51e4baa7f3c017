package org.chatline.realtime.socket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.corundumstudio.socketio.AuthTokenListener;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.chatline.common.api.ApiException;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.common.security.JwtVerifier;
import org.chatline.realtime.RealtimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Authenticates each socket at its CONNECT to {@code /}: verifies the access token (from
 * {@code auth.token} or the handshake's bearer header), binds the session to the user and joins the
 * user's room. This is the auth step, not the connect listener: on {@code /} netty-socketio fires
 * connect listeners at the Engine.IO handshake, before the CONNECT packet (and its token) arrives.
 * A refused token answers the CONNECT with {@code connect_error {message}}.
 */
@Component
class SocketAuthenticator implements AuthTokenListener, SocketHandler {

	private static final Logger log = LoggerFactory.getLogger(SocketAuthenticator.class);

	private final JwtVerifier verifier;

	private final ObjectProvider<SocketSessionListener> sessionListeners;

	private final ScheduledExecutorService scheduler;

	private final long authTimeoutMillis;

	SocketAuthenticator(JwtVerifier verifier, ObjectProvider<SocketSessionListener> sessionListeners,
			ScheduledExecutorService realtimeScheduler, RealtimeProperties properties) {
		this.verifier = verifier;
		this.sessionListeners = sessionListeners;
		this.scheduler = realtimeScheduler;
		this.authTimeoutMillis = properties.authTimeout().toMillis();
	}

	@Override
	public void register(SocketIOServer server) {
		server.getNamespace(Namespace.DEFAULT_NAME).addAuthTokenListener(this);
		server.addConnectListener(this::closeIfNotAuthenticatedInTime);
		server.addDisconnectListener(this::closed);
	}

	@Override
	public AuthTokenResult getAuthTokenResult(Object authData, SocketIOClient client) {
		String header = client.getHandshakeData().getHttpHeaders().get(HttpHeaderNames.AUTHORIZATION);
		AuthenticatedUser user;
		try {
			user = verifier.verifyAccessToken(HandshakeTokens.resolve(authData, header));
		}
		catch (ApiException ex) {
			log.debug("Socket {} refused: {}", client.getSessionId(), ex.getMessage());
			return refused(ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Socket {} refused: token verification failed", client.getSessionId(), ex);
			return refused("Authentication failed");
		}
		// The socket outlives the handshake: SessionSweep ends it when this token expires.
		Optional<AuthenticatedUser> previous = SocketSessions.bind(client, user,
				TokenExpiry.of(user.token()).orElse(null));
		if (previous.isPresent() && previous.get().id().equals(user.id())) {
			return AuthTokenResult.AuthTokenResultSuccess;
		}
		previous.ifPresent(old -> {
			client.leaveRoom(Rooms.user(old.id()));
			notifyListeners(listener -> listener.closed(client, old));
		});
		client.joinRoom(Rooms.user(user.id()));
		notifyListeners(listener -> listener.authenticated(client, user));
		return AuthTokenResult.AuthTokenResultSuccess;
	}

	private static AuthTokenResult refused(String message) {
		return new AuthTokenResult(false, Map.of("message", message));
	}

	/**
	 * Mirrors Socket.IO's connect timeout: an Engine.IO session that has not authenticated in time
	 * is closed, so refused or idle clients do not hold server resources.
	 */
	private void closeIfNotAuthenticatedInTime(SocketIOClient client) {
		try {
			scheduler.schedule(() -> {
				if (SocketSessions.user(client).isEmpty() && client.isChannelOpen()) {
					log.debug("Socket {} did not authenticate in time; closing", client.getSessionId());
					client.disconnect();
				}
			}, authTimeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the session is about to be closed anyway.
		}
	}

	private void closed(SocketIOClient client) {
		SocketSessions.user(client).ifPresent(user -> notifyListeners(listener -> listener.closed(client, user)));
	}

	private void notifyListeners(Consumer<SocketSessionListener> call) {
		List<SocketSessionListener> listeners = sessionListeners.orderedStream().toList();
		for (SocketSessionListener listener : listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				log.warn("Session listener {} failed", listener.getClass().getSimpleName(), ex);
			}
		}
	}
}
