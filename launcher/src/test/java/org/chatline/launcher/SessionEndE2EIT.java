package org.chatline.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import org.chatline.launcher.SocketClient.Auth;
import org.chatline.launcher.SocketClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that ends reaches the live sockets through the gateway: after {@code POST
 * /auth/logout-all} the official client's socket gets {@code error {message: "Session ended"}} and
 * is disconnected by the server (so it does not reconnect), and nothing more is pushed to it.
 */
@ExtendWith(PlatformExtension.class)
class SessionEndE2EIT {

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	private final List<SocketClient> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(SocketClient::close);
	}

	@Test
	void logoutAllEndsTheLiveSocketsOfTheUserAndOnlyThose() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		SocketClient alicePhone = open("alice-phone", alice, Transport.WEBSOCKET);
		SocketClient aliceLaptop = open("alice-laptop", alice, Transport.POLLING);
		SocketClient bobSocket = open("bob", bob, Transport.WEBSOCKET);
		SocketAwait.connected(alicePhone, aliceLaptop, bobSocket);

		Response out = this.api.post("/auth/logout-all", null, alice.bearer());

		assertThat(out.status()).as("POST /auth/logout-all: %s", out).isEqualTo(200);
		for (SocketClient socket : List.of(alicePhone, aliceLaptop)) {
			SocketAwait.event(socket, "error", Duration.ofSeconds(3),
					error -> assertThat(error.path("message").asString()).isEqualTo("Session ended"));
			SocketAwait.event(socket, "disconnect", Duration.ofSeconds(5),
					disconnect -> assertThat(disconnect.path("reason").asString()).isEqualTo("io server disconnect"));
		}
		String after = "After the logout " + UUID.randomUUID();
		this.api.sendDirect(bob, alice, after);
		SocketAwait.event(bobSocket, "message:sent",
				sent -> assertThat(sent.path("content").asString()).isEqualTo(after));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
			assertThat(alicePhone.events("message:received")).isEmpty();
			assertThat(aliceLaptop.events("message:received")).isEmpty();
		});
		assertThat(bobSocket.events("error")).as("%s", bobSocket).isEmpty();
	}

	private SocketClient open(String label, TestUser user, Transport transport) {
		SocketClient socket = SocketClient.connect(label, ChatApi.GATEWAY, Auth.AUTH_PAYLOAD, transport,
				user.accessToken());
		this.sockets.add(socket);
		return socket;
	}
}
