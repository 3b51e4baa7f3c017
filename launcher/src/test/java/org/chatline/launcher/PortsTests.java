package org.chatline.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PortsTests {

	@Test
	void namesThePortItsUseAndTheProcessHoldingIt() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			int port = taken.getLocalPort();

			assertThat(Ports.isFree(port)).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> Ports.requireFree(Map.of(port, "auth-service")))
				.withMessageContaining("port " + port + " (auth-service)")
				.withMessageContaining("pid " + ProcessHandle.current().pid());
		}
	}

	@Test
	void acceptsFreePorts() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		assertThat(Ports.isFree(port)).isTrue();
		Ports.requireFree(Map.of(port, "free"));
	}

}
