package org.chatline.message.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/messages/send-batch}: realtime-service's sends, many per request, each held
 * to the rules of {@code POST /api/v1/messages} and answered as that call would answer it, one
 * refused send never failing another; and nobody but realtime-service may use it.
 */
class SendBatchIT extends MessageIntegrationTest {

	private static final String PATH = "/internal/messages/send-batch";

	@Test
	void answersEachSendAsPostMessagesWouldAndStoresTheGoodOnes() throws Exception {
		UUID ann = UUID.randomUUID();
		UUID bob = MessageFixtures.knownUser(jdbc);
		UUID stranger = UUID.randomUUID();
		UUID groupId = groupCreatedEvent(stranger, List.of(stranger, bob));
		String annToken = TestTokens.access(ann);
		String retried = "retry-" + UUID.randomUUID();
		String firstTry = sendWithClientId(ann, bob, retried);

		List<Map<String, Object>> sends = new ArrayList<>();
		sends.add(send(annToken, Map.of("content", "one", "receiverId", bob.toString())));
		sends.add(send("not-a-token", Map.of("content", "two", "receiverId", bob.toString())));
		sends.add(send(annToken, Map.of("content", "", "receiverId", bob.toString())));
		sends.add(send(annToken, Map.of("content", "four", "receiverId", 5)));
		sends.add(send(annToken, null));
		sends.add(send(annToken, Map.of("content", "six", "receiverId", bob.toString(), "clientMessageId", retried)));
		sends.add(send(annToken, Map.of("content", "seven", "groupId", groupId.toString())));
		sends.add(send(annToken, Map.of("content", "eight", "receiverId", bob.toString(), "type", "TEXT")));
		Reply reply = batch(TestTokens.service("realtime-service"), Map.of("sends", sends));

		assertThat(reply.status()).isEqualTo(200);
		JsonNode answers = reply.data();
		assertThat(answers).hasSize(8);
		assertCreated(answers.get(0), ann, "one");
		assertRefused(answers.get(1), 401, "UNAUTHORIZED", "Invalid token");
		assertRefused(answers.get(2), 400, "VALIDATION_ERROR", "content: must be 1-5000 characters");
		assertRefused(answers.get(3), 400, "VALIDATION_ERROR", "Malformed JSON request body or a field of the wrong type");
		assertRefused(answers.get(4), 400, "VALIDATION_ERROR", "Malformed JSON request body or a field of the wrong type");
		assertThat(answers.get(5).get("status").asInt()).isEqualTo(200);
		assertThat(answers.get(5).get("body").get("message").asString()).isEqualTo("Message already sent");
		assertThat(answers.get(5).get("body").get("data").get("id").asString()).isEqualTo(firstTry);
		assertThat(answers.get(6).get("status").asInt()).isEqualTo(403);
		assertThat(answers.get(6).get("body").get("success").asBoolean()).isFalse();
		assertCreated(answers.get(7), ann, "eight");

		// The same refusals as the public API, status for status.
		Reply rest = call("POST", "/api/v1/messages", ann, "{\"content\":\"seven\",\"groupId\":\"" + groupId + "\"}");
		assertThat(rest.status()).isEqualTo(403);
		assertThat(rest.body()).isEqualTo(answers.get(6).get("body"));
		List<String> stored = jdbc.sql("select content from message where sender_id = ? order by seq")
			.param(ann)
			.query(String.class)
			.list();
		assertThat(stored).containsExactly("first try", "one", "eight");
	}

	@Test
	void onlyRealtimeServiceMayForwardSends() throws Exception {
		String body = json.writeValueAsString(Map.of("sends",
				List.of(send(TestTokens.access(UUID.randomUUID()), Map.of("content", "x", "receiverId", UUID.randomUUID().toString())))));

		assertThat(call("POST", PATH, TestTokens.access(UUID.randomUUID()), body).status()).isEqualTo(401);
		assertThat(call("POST", PATH, (String) null, body).status()).isEqualTo(401);
		Reply otherService = call("POST", PATH, TestTokens.service("group-service"), body);
		assertThat(otherService.status()).isEqualTo(403);
		assertThat(otherService.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void refusesAnEmptyOrOversizedOrMalformedBatch() throws Exception {
		String realtime = TestTokens.service("realtime-service");
		assertThat(batch(realtime, Map.of("sends", List.of())).code()).isEqualTo("VALIDATION_ERROR");
		assertThat(batch(realtime, Map.of()).code()).isEqualTo("VALIDATION_ERROR");
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 257; i++) {
			tooMany.add(send("t", Map.of("content", "x")));
		}
		Reply oversized = batch(realtime, Map.of("sends", tooMany));
		assertThat(oversized.status()).isEqualTo(400);
		assertThat(oversized.body().get("message").asString()).isEqualTo("sends: must hold 1-256 sends");
		Reply malformed = call("POST", PATH, realtime, "{\"sends\":\"nope\"}");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("VALIDATION_ERROR");
	}

	private String sendWithClientId(UUID from, UUID to, String clientId) throws Exception {
		Reply reply = call("POST", "/api/v1/messages", from,
				"{\"content\":\"first try\",\"receiverId\":\"" + to + "\",\"clientMessageId\":\"" + clientId + "\"}");
		assertThat(reply.status()).isEqualTo(201);
		return reply.data().get("id").asString();
	}

	private static Map<String, Object> send(String token, Map<String, Object> message) {
		Map<String, Object> send = new java.util.HashMap<>();
		send.put("token", token);
		send.put("message", message);
		return send;
	}

	private Reply batch(String serviceToken, Map<String, Object> body) throws Exception {
		return call("POST", PATH, serviceToken, json.writeValueAsString(body));
	}

	private static void assertCreated(JsonNode answer, UUID sender, String content) {
		assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(201);
		JsonNode body = answer.get("body");
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("message").asString()).isEqualTo("Message sent successfully");
		assertThat(body.get("data").get("senderId").asString()).isEqualTo(sender.toString());
		assertThat(body.get("data").get("content").asString()).isEqualTo(content);
	}

	private static void assertRefused(JsonNode answer, int status, String code, String message) {
		assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.get("body").get("success").asBoolean()).isFalse();
		assertThat(answer.get("body").get("code").asString()).isEqualTo(code);
		assertThat(answer.get("body").get("message").asString()).isEqualTo(message);
	}
}
