package org.chatline.message.messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chatline.common.events.Event;
import org.chatline.common.test.TestTokens;
import org.chatline.message.api.MessageEvent;
import org.chatline.message.api.MessageEvent.MessageCreated;
import org.chatline.user.api.UserEvent;
import org.chatline.user.api.UserEvent.UserRegistered;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessageApiIT extends MessageIntegrationTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void sendsDirectMessageWithContractFieldsAndPublishesItThroughTheOutbox() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		try (Consumer<String, String> consumer = messagesConsumer()) {
			Reply reply = call("POST", "/api/v1/messages", TestTokens.access(sender),
					MessageFixtures.directMessage(receiver, "Hello, how are you?"));

			assertThat(reply.status()).isEqualTo(201);
			assertThat(reply.body().get("success").asBoolean()).isTrue();
			assertThat(reply.body().get("message").asString()).isEqualTo("Message sent successfully");
			JsonNode data = reply.body().get("data");
			assertThat(data.get("senderId").asString()).isEqualTo(sender.toString());
			assertThat(data.get("receiverId").asString()).isEqualTo(receiver.toString());
			assertThat(data.has("groupId")).isTrue();
			assertThat(data.get("groupId").isNull()).isTrue();
			assertThat(data.get("content").asString()).isEqualTo("Hello, how are you?");
			assertThat(data.get("type").asString()).isEqualTo("TEXT");
			assertThat(data.get("status").asString()).isEqualTo("SENT");
			assertThat(data.get("createdAt").asString()).endsWith("Z");
			String id = data.get("id").asString();
			assertThat(jdbc.sql("select count(*) from message where id = ?").param(UUID.fromString(id))
				.query(Long.class).single()).isEqualTo(1);

			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200)).forEach(seen::add);
				return seen.stream().anyMatch(r -> r.value().contains(id));
			});
			ConsumerRecord<String, String> record = seen.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
			assertThat(record.key()).isEqualTo(Message.directConversation(sender, receiver));
			Event<?> event = codec.decode(record.value(), List.of(MessageEvent.class)).orElseThrow();
			assertThat(event.payload()).isInstanceOf(MessageCreated.class);
			assertThat(event.actorId()).isEqualTo(sender);
			assertThat(event.occurredAt()).isNotNull();
			assertThat(((MessageCreated) event.payload()).content()).isEqualTo("Hello, how are you?");
		}
		assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isZero();
	}

	@Test
	void countsSentMessagesForPrometheus() throws Exception {
		UUID receiver = MessageFixtures.knownUser(jdbc);
		double before = meters.counter("chat.messages.sent", "conversation", "direct").count();
		call("POST", "/api/v1/messages", TestTokens.access(UUID.randomUUID()), MessageFixtures.directMessage(receiver, "count me"));
		assertThat(meters.counter("chat.messages.sent", "conversation", "direct").count()).isEqualTo(before + 1);
	}

	@Test
	void learnsAboutNewUsersFromUserEvents() throws Exception {
		UUID newcomer = UUID.randomUUID();
		kafka.send(UserEvent.TOPIC, newcomer.toString(), codec.encode(codec.event(newcomer,
				new UserRegistered(newcomer, "newcomer", "n@example.com", java.time.Instant.now()))));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from known_user where id = ?").param(newcomer).query(Long.class).single() == 1);
		Reply reply = call("POST", "/api/v1/messages", TestTokens.access(UUID.randomUUID()),
				MessageFixtures.directMessage(newcomer, "welcome"));
		assertThat(reply.status()).isEqualTo(201);
	}

	@Test
	void asksUserServiceAboutReceiversItHasNotHeardOfYet() throws Exception {
		UUID justRegistered = OwnersStub.INSTANCE.addUser();
		Reply reply = call("POST", "/api/v1/messages", TestTokens.access(UUID.randomUUID()),
				MessageFixtures.directMessage(justRegistered, "quick hello"));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from known_user where id = ?").param(justRegistered).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void retryWithTheSameClientMessageIdReturnsTheOriginal() throws Exception {
		UUID sender = UUID.randomUUID();
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String body = "{\"content\":\"once\",\"receiverId\":\"" + receiver + "\",\"clientMessageId\":\"c-1\"}";
		Reply first = call("POST", "/api/v1/messages", TestTokens.access(sender), body);
		Reply second = call("POST", "/api/v1/messages", TestTokens.access(sender), body);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body().get("data").get("id").asString()).isEqualTo(first.body().get("data").get("id").asString());
		assertThat(jdbc.sql("select count(*) from message where sender_id = ?").param(sender).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void refusesBadInputWithTheErrorEnvelope() throws Exception {
		String token = TestTokens.access(UUID.randomUUID());
		UUID receiver = MessageFixtures.knownUser(jdbc);
		Map<String, Integer> cases = Map.of(
				"{\"type\":\"TEXT\",\"receiverId\":\"" + receiver + "\"}", 400,
				"{\"content\":\"\",\"receiverId\":\"" + receiver + "\"}", 400,
				"{\"content\":\"x\",\"type\":\"GIF\",\"receiverId\":\"" + receiver + "\"}", 400,
				"{\"content\":\"x\"}", 400,
				"{\"content\":\"x\",\"receiverId\":\"" + receiver + "\",\"groupId\":\"" + UUID.randomUUID() + "\"}", 400,
				"{\"content\":\"x\",\"receiverId\":\"not-a-uuid\"}", 400,
				"{\"content\": 12, \"receiverId\": [1]}", 400,
				"{\"content\":\"x\",\"receiverId\":\"" + receiver + "\",\"metadata\":\"text\"}", 400,
				"{not json", 400,
				"{\"content\":\"x\",\"receiverId\":\"" + UUID.randomUUID() + "\"}", 404);
		for (var c : cases.entrySet()) {
			Reply reply = call("POST", "/api/v1/messages", token, c.getKey());
			assertThat(reply.status()).as(c.getKey()).isEqualTo(c.getValue());
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.body().get("code").asString())
				.isEqualTo(c.getValue() == 404 ? "NOT_FOUND" : "VALIDATION_ERROR");
			assertThat(reply.body().has("message")).isTrue();
		}
		Reply tooLong = call("POST", "/api/v1/messages", token, MessageFixtures.directMessage(receiver, "x".repeat(5001)));
		assertThat(tooLong.status()).isEqualTo(400);
	}

	@Test
	void refusesMissingExpiredAndForgedTokens() throws Exception {
		UUID receiver = MessageFixtures.knownUser(jdbc);
		String body = MessageFixtures.directMessage(receiver, "hi");
		String expired = TestTokens.access(UUID.randomUUID(), "old", java.time.Instant.now().minusSeconds(60));
		String valid = TestTokens.access(UUID.randomUUID());
		String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
		String unsigned = valid.substring(0, valid.indexOf('.')).isEmpty() ? "" :
				java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
						+ valid.substring(valid.indexOf('.'), valid.lastIndexOf('.') + 1);
		for (String token : new String[] { null, expired, tampered, unsigned, "garbage" }) {
			Reply reply = call("POST", "/api/v1/messages", token, body);
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void onlyParticipantsReadAMessageAndHistoryIsNewestFirst() throws Exception {
		UUID a = UUID.randomUUID();
		UUID b = MessageFixtures.knownUser(jdbc);
		String first = call("POST", "/api/v1/messages", TestTokens.access(a), MessageFixtures.directMessage(b, "one"))
			.body().get("data").get("id").asString();
		call("POST", "/api/v1/messages", TestTokens.access(a), MessageFixtures.directMessage(b, "two"));

		assertThat(call("GET", "/api/v1/messages/" + first, TestTokens.access(b), null).status()).isEqualTo(200);
		Reply outsider = call("GET", "/api/v1/messages/" + first, TestTokens.access(UUID.randomUUID()), null);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(outsider.body().get("code").asString()).isEqualTo("NOT_FOUND");

		Reply history = call("GET", "/api/v1/messages/direct/" + a + "?page=1&limit=1", TestTokens.access(b), null);
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.body().get("data").get(0).get("content").asString()).isEqualTo("two");
		assertThat(history.body().get("pagination").get("total").asLong()).isEqualTo(2);
		assertThat(history.body().get("pagination").get("totalPages").asLong()).isEqualTo(2);
		assertThat(call("GET", "/api/v1/messages/direct/" + a + "?limit=101", TestTokens.access(b), null).status())
			.isEqualTo(400);
	}

	private Consumer<String, String> messagesConsumer() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		props.put("auto.offset.reset", "latest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer()).createConsumer();
		consumer.subscribe(List.of(MessageEvent.TOPIC));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			consumer.poll(Duration.ofMillis(100));
			return !consumer.assignment().isEmpty();
		});
		// Resolve "latest" now: otherwise an event sent before the first fetch would be skipped.
		consumer.assignment().forEach(consumer::position);
		return consumer;
	}

	@Test
	void theOpenApiDocumentShowsTheContractsStatusesAndErrorEnvelope() throws Exception {
		Reply doc = call("GET", "/v3/api-docs", (String) null, null);
		assertThat(doc.status()).isEqualTo(200);

		JsonNode send = doc.body().path("paths").path("/api/v1/messages").path("post").path("responses");
		assertThat(send.propertyNames()).as("POST /messages responses").contains("201", "200", "400", "401", "429");
		assertThat(send.path("201").path("content").isMissingNode()).as("201 has a body").isFalse();
		JsonNode refused = send.path("400").path("content").path("application/json");
		assertThat(refused.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/ErrorResponse");
		assertThat(refused.path("example").path("code").asString()).isEqualTo("VALIDATION_ERROR");

		JsonNode get = doc.body().path("paths").path("/api/v1/messages/{id}").path("get").path("responses");
		assertThat(get.propertyNames()).as("GET /messages/{id} responses").contains("200", "403", "404");
		assertThat(doc.body().path("paths").has("/error")).as("/error documented").isFalse();
		assertThat(doc.body().path("components").path("schemas").path("ErrorResponse").path("properties").propertyNames())
			.containsExactly("success", "message", "code");
	}
}
