package org.chatline.user.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.chatline.presence.api.PresenceEvent;
import org.chatline.presence.api.PresenceEvent.UserOffline;
import org.chatline.presence.api.PresenceEvent.UserOnline;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIT
class PresenceIT {

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	EventCodec codec;

	@Autowired
	JsonMapper json;

	private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

	@Test
	void presenceFollowsRealtimeEventsAndIgnoresStaleOnes() throws Exception {
		UUID id = UUID.randomUUID();
		post("/internal/users", "{\"id\":\"" + id + "\",\"username\":\"p_" + id.toString().substring(0, 8)
				+ "\",\"email\":\"" + id + "@example.com\"}");
		Instant online = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);

		publish(new UserOnline(id, online));
		await().atMost(Duration.ofSeconds(10)).until(() -> presence(id).get("isOnline").asBoolean());

		Instant offline = online.plusSeconds(60);
		publish(new UserOffline(id, offline));
		await().atMost(Duration.ofSeconds(10)).until(() -> !presence(id).get("isOnline").asBoolean());
		assertThat(Instant.parse(presence(id).get("lastSeen").asString())).isEqualTo(offline);

		// A late "online" from before the "offline" changes nothing.
		publish(new UserOnline(id, online.plusSeconds(1)));
		UUID marker = UUID.randomUUID();
		post("/internal/users", "{\"id\":\"" + marker + "\",\"username\":\"m_" + marker.toString().substring(0, 8)
				+ "\",\"email\":\"" + marker + "@example.com\"}");
		publish(new UserOnline(marker, Instant.now().plusSeconds(5)));
		await().atMost(Duration.ofSeconds(10)).until(() -> presence(marker).get("isOnline").asBoolean());
		assertThat(presence(id).get("isOnline").asBoolean()).isFalse();
	}

	private void publish(PresenceEvent event) {
		kafka.send(PresenceEvent.TOPIC, event.userId().toString(), codec.encode(codec.event(event.userId(), event)));
	}

	private JsonNode presence(UUID id) throws Exception {
		var response = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/users/" + id + "/presence"))
			.header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).get("data");
	}

	private void post(String path, String body) throws Exception {
		var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", org.chatline.common.test.TestTokens.serviceBearer("auth-service"))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}
}
