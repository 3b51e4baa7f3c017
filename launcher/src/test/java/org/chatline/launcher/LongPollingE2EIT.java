package org.chatline.launcher;

import java.time.Duration;
import java.util.UUID;

import org.chatline.launcher.ChatApi.TestUser;
import org.chatline.launcher.SocketClient.Auth;
import org.chatline.launcher.SocketClient.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that cannot use websockets (a proxy strips the upgrade) stays connected through the
 * gateway by long-polling alone. The socket server holds each poll until it has a packet, at the
 * latest its next ping (25 s), longer than the gateway's REST response timeout (15 s): a poll
 * cut by that timeout drops the connection. Held here for longer than a minute, over several ping
 * rounds, with the official client; the message at the end proves the session is still served.
 */
@ExtendWith(PlatformExtension.class)
class LongPollingE2EIT {

	/** Beyond the REST response timeout, and more than two ping intervals plus a ping timeout. */
	private static final Duration HELD = Duration.ofSeconds(75);

	private final ChatApi api = new ChatApi(ChatApi.GATEWAY);

	@Test
	void aPollingOnlyClientStaysConnectedThroughTheGatewayForMoreThanAMinute() {
		TestUser alice = this.api.registerAndLogin();
		TestUser bob = this.api.registerAndLogin();
		try (SocketClient bobPolling = SocketClient.connect("bob-polling", ChatApi.GATEWAY, Auth.AUTH_PAYLOAD,
				Transport.POLLING, bob.accessToken())) {
			SocketAwait.connected(bobPolling);
			assertThat(bobPolling.first("connect").orElseThrow().path("transport").asString()).isEqualTo("polling");

			await("bob-polling connected for " + HELD.toSeconds() + " s without a drop").during(HELD)
				.atMost(HELD.plusSeconds(10))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> {
					assertThat(bobPolling.events("disconnect")).as("%s", bobPolling).isEmpty();
					assertThat(bobPolling.events("connect_error")).as("%s", bobPolling).isEmpty();
					assertThat(bobPolling.events("connect")).as("%s", bobPolling).hasSize(1);
				});

			String content = "Still here after " + HELD.toSeconds() + " s " + UUID.randomUUID();
			String id = this.api.sendDirect(alice, bob, content).path("id").asString();
			SocketAwait.event(bobPolling, "message:received", received -> {
				assertThat(received.path("id").asString()).isEqualTo(id);
				assertThat(received.path("content").asString()).isEqualTo(content);
			});
			assertThat(bobPolling.events("connect")).as("one session throughout: %s", bobPolling).hasSize(1);
			assertThat(bobPolling.events("disconnect")).as("%s", bobPolling).isEmpty();
		}
	}
}
