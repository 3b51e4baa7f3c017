package org.chatline.realtime.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the Socket.IO server with the application context (after every handler has registered its
 * listeners) and drains it first on shutdown, while Kafka and Redis are still there for the
 * presence updates the closing sockets cause.
 * <p>
 * Drain: stop accepting connections, then close every session at the Engine.IO level (a {@code 1}
 * close packet, then the transport), not with a Socket.IO DISCONNECT: socket.io-client treats a
 * server DISCONNECT ({@code "io server disconnect"}) as final, but a closed transport as a reason to
 * reconnect, which it then does to another instance. Closing a session runs the disconnect listeners
 * (presence, rooms); the grace period covers the reconnect, so the user does not flap offline.
 */
public class SocketServerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SocketServerLifecycle.class);

	private final SocketIOServer server;

	private final ObjectProvider<SocketHandler> handlers;

	private final Duration drainTimeout;

	private boolean registered;

	private volatile boolean running;

	SocketServerLifecycle(SocketIOServer server, ObjectProvider<SocketHandler> handlers, Duration drainTimeout) {
		this.server = server;
		this.handlers = handlers;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public synchronized void start() {
		if (!registered) {
			handlers.orderedStream().forEach(handler -> handler.register(server));
			registered = true;
		}
		server.start();
		running = true;
		log.info("Socket.IO server listening on {}:{}", server.getConfiguration().getHostname(), port());
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		drain();
		server.stop();
		running = false;
	}

	void drain() {
		if (server instanceof ChatSocketServer chat) {
			chat.stopAccepting();
		}
		List<SocketIOClient> clients = List.copyOf(server.getAllClients());
		if (clients.isEmpty()) {
			return;
		}
		log.info("Draining {} sockets: asking them to reconnect elsewhere", clients.size());
		List<ChannelFuture> writes = new ArrayList<>();
		for (SocketIOClient client : clients) {
			try {
				ChannelFuture write = closeTransport(client);
				if (write != null) {
					writes.add(write);
				}
			}
			catch (RuntimeException ex) {
				log.debug("Could not close socket {} cleanly", client.getSessionId(), ex);
			}
		}
		long deadline = System.nanoTime() + drainTimeout.toNanos();
		for (ChannelFuture write : writes) {
			long left = Math.max(0, deadline - System.nanoTime());
			write.awaitUninterruptibly(left / 1_000_000);
		}
	}

	/** Sends the Engine.IO close packet, closes the transport after it, and runs the disconnect listeners. */
	private static ChannelFuture closeTransport(SocketIOClient client) {
		if (!(client instanceof NamespaceClient namespaced)) {
			client.disconnect();
			return null;
		}
		ClientHead session = namespaced.getBaseClient();
		ChannelFuture write = session.send(new Packet(PacketType.CLOSE, session.getEngineIOVersion()));
		if (write != null) {
			write.addListener(ChannelFutureListener.CLOSE);
		}
		session.onChannelDisconnect();
		return write;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** The port sockets connect to (resolved when configured as 0). */
	public int port() {
		return server.getConfiguration().getPort();
	}
}
