package org.chatline.realtime.socket;

import com.corundumstudio.socketio.SocketIOServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the Socket.IO server with the application context (after every handler has registered its
 * listeners) and stops it before the beans it pushes through go away.
 */
public class SocketServerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SocketServerLifecycle.class);

	private final SocketIOServer server;

	private final ObjectProvider<SocketHandler> handlers;

	private boolean registered;

	private volatile boolean running;

	SocketServerLifecycle(SocketIOServer server, ObjectProvider<SocketHandler> handlers) {
		this.server = server;
		this.handlers = handlers;
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
		server.stop();
		running = false;
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
