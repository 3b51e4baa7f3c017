package org.chatline.realtime.socket;

import com.corundumstudio.socketio.SocketIOServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** {@code chat_sockets_connected}: Socket.IO sessions open on this instance. */
@Component
class SocketMetrics {

	SocketMetrics(MeterRegistry meters, SocketIOServer server) {
		Gauge.builder("chat.sockets.connected", server, s -> s.getAllClients().size())
			.description("Socket.IO sessions open on this instance")
			.register(meters);
	}
}
