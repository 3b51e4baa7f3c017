package org.chatline.message.messages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chatline.common.events.EventCodec;
import org.chatline.common.test.ServiceIT;
import org.chatline.common.test.TestTokens;
import org.chatline.group.api.GroupEvent;
import org.chatline.group.api.GroupEvent.GroupCreated;
import org.chatline.group.api.GroupEvent.MemberRemoved;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * What every message-service integration test shares (and so one Spring context): the real
 * database and Kafka of {@link ServiceIT}, the owners' internal APIs played by {@link OwnersStub},
 * and small HTTP helpers.
 */
@ServiceIT
abstract class MessageIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	EventCodec codec;

	@Autowired
	KafkaTemplate<String, String> kafka;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void owners(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", OwnersStub.INSTANCE::url);
		registry.add("spring.cloud.discovery.client.simple.instances.group-service[0].uri", OwnersStub.INSTANCE::url);
	}

	record Reply(int status, JsonNode body) {

		JsonNode data() {
			return body.get("data");
		}

		String code() {
			return body.get("code").asString();
		}
	}

	Reply call(String method, String path, UUID caller, String body) throws Exception {
		return call(method, path, caller == null ? null : TestTokens.access(caller), body);
	}

	Reply call(String method, String path, String token, String body) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), json.readTree(response.body()));
	}

	/** Sends a direct message and returns its id. */
	String sendDirect(UUID from, UUID to, String content) throws Exception {
		Reply reply = call("POST", "/api/v1/messages", from, MessageFixtures.directMessage(to, content));
		if (reply.status() != 201) {
			throw new AssertionError("send failed: " + reply.body());
		}
		return reply.data().get("id").asString();
	}

	String sendToGroup(UUID from, UUID groupId, String content) throws Exception {
		Reply reply = call("POST", "/api/v1/messages", from,
				"{\"content\":\"" + content + "\",\"type\":\"TEXT\",\"groupId\":\"" + groupId + "\"}");
		if (reply.status() != 201) {
			throw new AssertionError("group send failed: " + reply.body());
		}
		return reply.data().get("id").asString();
	}

	/** Publishes GroupCreated as group-service would, and waits until message-service applied it. */
	UUID groupCreatedEvent(UUID owner, List<UUID> members) {
		UUID groupId = UUID.randomUUID();
		publish(new GroupCreated(groupId, "Team", null, null, "PRIVATE", owner, members));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from group_member where group_id = ?").param(groupId)
				.query(Long.class).single() == members.size());
		return groupId;
	}

	void memberRemovedEvent(UUID groupId, UUID userId) {
		publish(new MemberRemoved(groupId, userId));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from group_member where group_id = ? and user_id = ?")
				.params(groupId, userId).query(Long.class).single() == 0);
	}

	private void publish(GroupEvent event) {
		kafka.send(GroupEvent.TOPIC, event.groupId().toString(), codec.encode(codec.event(null, event)));
	}
}
