package org.chatline.gateway;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.chatline.common.security.RevokedSessions;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;


import static org.assertj.core.api.Assertions.assertThat;

/** Edge authentication, the error envelope for the gateway's own errors, health and metrics. */
class GatewayEdgeIT extends GatewayIntegrationTest {

	@Test
	void routesAuthenticatedRequestsToTheServiceWithARequestId() throws Exception {
		Reply reply = send(request("/api/v1/messages/direct/" + UUID.randomUUID())
			.header("Authorization", TestTokens.bearer(UUID.randomUUID())));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("data").asString()).isEqualTo("from-backend");
		String requestId = reply.raw().headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(BackendStub.INSTANCE.lastHeaders.get("x-request-id")).isEqualTo(requestId);
		assertThat(reply.raw().headers().allValues("X-Request-Id")).as("once, though the service sets it too")
			.containsExactly(requestId);
	}

	@Test
	void keepsACallersRequestId() throws Exception {
		Reply reply = send(request("/api/v1/health").header("X-Request-Id", "trace-me-123"));
		assertThat(reply.raw().headers().firstValue("X-Request-Id")).contains("trace-me-123");
	}

	@Test
	void refusesMissingExpiredAndForgedTokensBeforeRouting() throws Exception {
		String valid = TestTokens.access(UUID.randomUUID());
		String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
		String expired = TestTokens.access(UUID.randomUUID(), "old", Instant.now().minusSeconds(60));
		for (String header : new String[] { null, "Bearer " + tampered, "Bearer " + expired, "Basic abc", "Bearer " }) {
			HttpRequest.Builder builder = request("/api/v1/messages").POST(HttpRequest.BodyPublishers.ofString("{}"))
				.header("Content-Type", "application/json");
			if (header != null) {
				builder.header("Authorization", header);
			}
			Reply reply = send(builder);
			assertThat(reply.status()).as(String.valueOf(header)).isEqualTo(401);
			assertThat(reply.body().get("success").asBoolean()).isFalse();
			assertThat(reply.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
		}
	}

	@Test
	void answersUnknownRoutesWithTheEnvelope() throws Exception {
		Reply reply = send(request("/api/v1/nope").header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(send(request("/elsewhere")).body().get("code").asString()).isEqualTo("NOT_FOUND");
	}

	@Test
	void refusesBodiesOverTheLimit() throws Exception {
		Reply reply = send(request("/api/v1/messages").header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")));
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.body().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void attachmentUploadsAloneHaveTheirOwnLargerLimit() throws Exception {
		String upload = "/api/v1/attachments/" + UUID.randomUUID() + "/content";
		byte[] twoMiB = new byte[2 * 1024 * 1024];

		assertThat(send(request(upload).header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(twoMiB))).status()).isEqualTo(200);
		Reply tooLarge = send(request(upload).header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4 * 1024 * 1024])));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.body().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
		Reply notAnUpload = send(request("/api/v1/attachments").header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(twoMiB)));
		assertThat(notAnUpload.status()).isEqualTo(413);
	}

	@Test
	void refusesEncodedSlashesBackslashesAndNulInThePath() throws Exception {
		for (String path : new String[] { "/api/v1/users/a%2Fb", "/api/v1/users/a%5cb", "/api/v1/users/%00" }) {
			Reply reply = send(request(path).header("Authorization", TestTokens.bearer(UUID.randomUUID())));

			assertThat(reply.status()).as(path).isEqualTo(400);
			assertThat(reply.body().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		}
	}

	@Test
	void refusesChunkedBodiesOverTheLimit() throws Exception {
		byte[] body = ("{\"content\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		// No length given: the client streams the body in chunks.
		Reply reply = send(request("/api/v1/messages").header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.body().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void passesChunkedBodiesUnderTheLimit() throws Exception {
		byte[] body = "{\"content\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
		Reply reply = send(request("/api/v1/messages").header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void answers503WhenAServiceHasNoInstance() throws Exception {
		Reply reply = send(request("/api/v1/groups").header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.body().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void answers503WhenAServiceIsDown() throws Exception {
		// user-service's only instance is a closed port: the connection is refused.
		Reply reply = send(request("/api/v1/users/me").header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertErrorEnvelope(reply, 503, "SERVICE_UNAVAILABLE");
	}

	@Test
	void answers502WhenAServiceHangsUpWithoutAnAnswer() throws Exception {
		Reply reply = send(request(BackendStub.HANG_UP_PATH).header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertErrorEnvelope(reply, 502, "BAD_GATEWAY");
	}

	@Test
	void answers504AsSoonAsAServiceTakesLongerThanTheResponseTimeout() throws Exception {
		long start = System.nanoTime();
		Reply reply = send(request(BackendStub.SLOW_PATH).header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertErrorEnvelope(reply, 504, "GATEWAY_TIMEOUT");
		assertThat(elapsed).isBetween(RESPONSE_TIMEOUT, BackendStub.SLOW_DELAY.minusSeconds(5));
	}

	@Test
	void answers405WithTheEnvelopeForAMethodAGatewayEndpointDoesNotTake() throws Exception {
		Reply post = send(request("/api/v1/health").POST(HttpRequest.BodyPublishers.noBody()));
		assertErrorEnvelope(post, 405, "METHOD_NOT_ALLOWED");
		assertThat(post.raw().headers().firstValue("Allow")).as("Allow header").hasValueSatisfying(
				allow -> assertThat(allow).contains("GET"));
		assertErrorEnvelope(send(request("/api/v1/metrics").DELETE()), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void passesAServicesUnsupportedMediaTypeAnswerThroughUnchanged() throws Exception {
		// The gateway does not judge content types; the service does, and its 415 reaches the client as is.
		Reply reply = send(request(BackendStub.UNSUPPORTED_MEDIA_TYPE_PATH)
			.header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello")));

		assertErrorEnvelope(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(reply.raw().body()).isEqualTo(BackendStub.UNSUPPORTED_MEDIA_TYPE_BODY);
		assertThat(BackendStub.INSTANCE.lastHeaders.get("content-type")).isEqualTo("text/plain");
	}

	@Test
	void reportsHealthAndMetricsInTheContractShape() throws Exception {
		Reply health = send(request("/api/v1/health"));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().get("message").asString()).isEqualTo("Service is healthy");
		assertThat(health.body().get("data").get("status").asString()).isEqualTo("healthy");
		assertThat(health.body().get("data").get("uptime").isNumber()).isTrue();

		Reply metrics = send(request("/api/v1/metrics"));
		JsonNode process = metrics.body().get("data").get("process");
		assertThat(process.get("memory").get("rss").asLong()).isPositive();
		assertThat(process.get("memory").get("heapUsed").asLong()).isPositive();
		assertThat(process.get("cpu").get("user").asLong()).isPositive();
		assertThat(metrics.body().get("data").get("runtime").get("version").asString()).startsWith("17");
	}

	@Test
	void readinessIsFalseWhileAServiceIsNotReady() throws Exception {
		// The backend stub answers 200 to everything, so the one configured service counts as ready and Redis is real.
		Reply ready = send(request("/api/v1/health/ready"));
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.body().get("data").get("checks").get("redis").asString()).isEqualTo("connected");
		assertThat(ready.body().get("data").get("status").asString()).isEqualTo("ready");
	}

	@Test
	void socketPollsBackToBackAllGetThrough() throws Exception {
		// The socket server closes each polling connection just after answering; a pooled connection
		// reused in that moment would lose the next poll (502). Every poll here follows at once.
		for (int i = 0; i < 10; i++) {
			Reply poll = send(request("/socket.io/?EIO=4&transport=polling&t=" + i));
			assertThat(poll.status()).as("poll %d: %s", i, poll.raw().body()).isEqualTo(200);
			assertThat(poll.raw().body()).isEqualTo("0{\"sid\":\"stub\"}");
		}
	}

	@Test
	void answersCorsPreflightForAllowedOriginsOnly() throws Exception {
		Reply allowed = send(request("/socket.io/?EIO=4&transport=polling")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "POST"));
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
		assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Credentials")).contains("true");

		Reply refused = send(request("/api/v1/messages").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void refusesAccessTokensOfARevokedSession() throws Exception {
		UUID session = UUID.randomUUID();
		String token = TestTokens.access(UUID.randomUUID(), "leaver", Instant.now().plusSeconds(600), session);
		assertThat(send(request("/api/v1/messages/direct/" + UUID.randomUUID()).header("Authorization", "Bearer " + token))
			.status()).isEqualTo(200);

		redis.opsForValue().set(RevokedSessions.key(session), "1", Duration.ofMinutes(1)).block();

		Reply refused = send(request("/api/v1/messages/direct/" + UUID.randomUUID()).header("Authorization", "Bearer " + token));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(refused.body().get("message").asString()).isEqualTo("Session has been revoked");
	}

	@Test
	void neverServesTheActuatorOnThePublicPort() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/prometheus", "/actuator/health",
				"/actuator/health/readiness", "/actuator/info", "/actuator/metrics", "/actuator/env" }) {
			assertErrorEnvelope(send(request(path)), 404, "NOT_FOUND");
		}
		// The probes and the scraper use the management port.
		assertThat(send(managementRequest("/actuator/health/readiness")).status()).isEqualTo(200);
		Reply prometheus = send(managementRequest("/actuator/prometheus"));
		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.raw().body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void refusesNonCanonicalPathsBeforeTheyAreRoutedOrAuthenticated() throws Exception {
		String token = TestTokens.bearer(UUID.randomUUID());
		BackendStub.INSTANCE.received.clear();
		for (String path : new String[] { "/api/v1/messages/direct;jsessionid=1", "/api/v1/messages;x=1/direct",
				"/api/v1/%6dessages/direct", "/api/v1/messages/%64irect", "/api/v1/messages/direct%2D1",
				"/api/v1/messages/direct%2e", "/api/v1/messages/a%5fb", "/api/v1/messages/a%7Eb",
				"/api/v1/messages/a%30", "/api/v1/messages/../messages/direct", "/api/v1/messages/./direct",
				"/api/v1/messages/direct/..", "/api/v1/messages/direct/.", "/api/v1//messages/direct",
				"/api/v1/messages//direct", "/socket.io/;x=1", "/socket.io/%2e%2e/x", "/%61ctuator/prometheus" }) {
			Reply reply = send(request(path).header("Authorization", token));
			assertErrorEnvelope(reply, 400, "VALIDATION_ERROR");
			assertThat(reply.raw().headers().firstValue("X-RateLimit-Limit")).as(path).isEmpty();
		}
		// Refused before authentication too: no token needed to be told the path is malformed.
		assertErrorEnvelope(send(request("/api/v1/%6dessages")), 400, "VALIDATION_ERROR");
		assertThat(BackendStub.INSTANCE.received).isEmpty();
	}

	@Test
	void passesCanonicalPathsWithEncodedReservedCharacters() throws Exception {
		Reply reply = send(request("/api/v1/messages/direct/a%20b%C3%A9?query=a;b%6c")
			.header("Authorization", TestTokens.bearer(UUID.randomUUID())));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(BackendStub.INSTANCE.received).last().isEqualTo("/api/v1/messages/direct/a%20b%C3%A9?query=a;b%6c");
	}

	@Test
	void holdsALongPollOnTheSocketRouteLongerThanTheRestResponseTimeout() throws Exception {
		long start = System.nanoTime();
		Reply poll = send(request("/socket.io/?EIO=4&transport=polling&sid=" + ClosingBackendStub.HELD_SID));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(poll.status()).as(poll.raw().body()).isEqualTo(200);
		assertThat(poll.raw().body()).isEqualTo("6");
		assertThat(elapsed).isGreaterThan(RESPONSE_TIMEOUT);
	}

	@Test
	void tellsTheSocketServerTheClientAddressItResolvedAndNothingElse() throws Exception {
		// The tests trust 127.0.0.1 as a proxy: the client is the last untrusted hop of X-Forwarded-For.
		Reply reply = send(request("/socket.io/?EIO=4&transport=polling")
			.header("X-Forwarded-For", "198.51.100.77")
			.header("X-Chatline-Client-Address", "203.0.113.250"));
		assertThat(reply.status()).isEqualTo(200);
		List<String> addresses = ClosingBackendStub.INSTANCE.lastHead.get()
			.lines()
			.filter(line -> line.toLowerCase(Locale.ROOT).startsWith("x-chatline-client-address:"))
			.map(line -> line.substring(line.indexOf(':') + 1).trim())
			.toList();
		assertThat(addresses).containsExactly("198.51.100.77");

		send(request("/socket.io?EIO=4&transport=polling").header("X-Chatline-Client-Address", "203.0.113.250"));
		assertThat(ClosingBackendStub.INSTANCE.lastHead.get()).contains("X-Chatline-Client-Address: 127.0.0.1")
			.doesNotContain("203.0.113.250");
	}

	@Test
	void dropsAClientAddressSentByTheClientOnRestRoutes() throws Exception {
		send(request("/api/v1/messages/direct/" + UUID.randomUUID())
			.header("Authorization", TestTokens.bearer(UUID.randomUUID()))
			.header("X-Chatline-Client-Address", "203.0.113.250"));
		assertThat(BackendStub.INSTANCE.lastHeaders).doesNotContainKey("x-chatline-client-address");
	}

	private static void assertErrorEnvelope(Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
		assertThat(reply.body().get("success").asBoolean()).isFalse();
		assertThat(reply.body().get("message").asString()).isNotBlank();
		assertThat(reply.body().get("code").asString()).isEqualTo(code);
	}
}
