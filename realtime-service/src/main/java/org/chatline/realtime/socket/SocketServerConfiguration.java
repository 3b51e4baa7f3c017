package org.chatline.realtime.socket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOServer;
import org.chatline.common.security.JwtVerifier;
import org.chatline.common.security.PublicKeySource;
import org.chatline.common.security.SecurityProperties;
import org.chatline.realtime.RealtimeProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SocketServerConfiguration {

	@Bean
	JwtVerifier revocationAwareVerifier(PublicKeySource keys, SecurityProperties properties, StringRedisTemplate redis) {
		return new RevocationAwareVerifier(keys, properties, redis);
	}

	@Bean
	SocketIOServer socketIoServer(RealtimeProperties properties) {
		Configuration config = new Configuration();
		config.setHostname(properties.bindHost());
		config.setPort(properties.socketPort() == 0 ? freePort(properties.bindHost()) : properties.socketPort());
		config.setPingInterval((int) properties.pingInterval().toMillis());
		config.setPingTimeout((int) properties.pingTimeout().toMillis());
		// Handlers acknowledge themselves, after the owning service has answered.
		config.setAckMode(AckMode.MANUAL);
		// Never take the session id from the client's "io" cookie or header.
		config.setRandomSession(true);
		config.setJsonSupport(new SocketJsonSupport());
		// CORS is answered once, at the gateway: two Access-Control-Allow-Origin headers break browsers.
		config.setEnableCors(false);
		config.setWebsocketCompression(properties.websocketCompression());
		SocketConfig socket = new SocketConfig();
		socket.setReuseAddress(true);
		config.setSocketConfig(socket);

		return new ChatSocketServer(config);
	}

	@Bean
	SocketServerLifecycle socketServerLifecycle(SocketIOServer socketIoServer, ObjectProvider<SocketHandler> handlers,
			RealtimeProperties properties) {
		return new SocketServerLifecycle(socketIoServer, handlers, properties.drainTimeout());
	}

	/** Timers of this service (authentication timeouts, presence heartbeat and grace periods). */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService realtimeScheduler() {
		return Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("realtime-timer-"));
	}

	private static int freePort(String host) {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the Socket.IO server", ex);
		}
	}
}
