package org.chatline.launcher;

import java.time.Duration;
import java.util.function.Consumer;

import org.chatline.launcher.ChatApi.Response;
import org.chatline.launcher.ChatApi.TestUser;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting for what sockets and the presence endpoint report, shared by the end-to-end tests. */
final class SocketAwait {

	/** A push follows a Kafka round trip; generous for a loaded 2-core machine. */
	static final Duration PUSH = Duration.ofSeconds(10);

	private SocketAwait() {
	}

	static void connected(SocketClient... sockets) {
		await("sockets connected").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (SocketClient socket : sockets) {
				assertThat(socket.connected()).as("%s", socket).isTrue();
			}
		});
	}

	static void event(SocketClient socket, String event, Consumer<JsonNode> requirements) {
		event(socket, event, PUSH, requirements);
	}

	static void event(SocketClient socket, String event, Duration within, Consumer<JsonNode> requirements) {
		await(event + " on " + socket.label()).atMost(within)
			.untilAsserted(() -> assertThat(socket.events(event)).as("%s", socket)
				.anySatisfy(payload -> requirements.accept(payload)));
	}

	/** Waits until {@code GET /users/{id}/presence}, asked by {@code asker}, says {@code online}; returns its data. */
	static JsonNode presence(ChatApi api, TestUser user, TestUser asker, boolean online, Duration within) {
		JsonNode[] last = new JsonNode[1];
		await("GET /users/" + user.id() + "/presence isOnline " + online).atMost(within).untilAsserted(() -> {
			Response presence = api.get("/users/" + user.id() + "/presence", asker.bearer());
			assertThat(presence.status()).as("%s", presence).isEqualTo(200);
			assertThat(presence.body().path("data").path("isOnline").asBoolean()).as("%s", presence).isEqualTo(online);
			last[0] = presence.body().path("data");
		});
		return last[0];
	}

}
