package org.chatline.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.chatline.common.test.TestSecurityConfiguration;
import org.chatline.common.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with Redis unreachable (a closed port): readiness says so with 503, and the REST
 * API keeps being served without rate limits (fail open) rather than refusing everyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "REDIS_HOST=127.0.0.1", "REDIS_PORT=1", "GATEWAY_MANAGEMENT_PORT=0",
				"chat.gateway.ready-services=message-service" })
@Import(TestSecurityConfiguration.class)
class GatewayWithoutRedisIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.message-service[0].uri", BackendStub.INSTANCE::url);
	}

	@Test
	void readinessIs503WithRedisDisconnected() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/ready")).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = json.readTree(response.body());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("data").get("status").asString()).isEqualTo("not ready");
		assertThat(body.get("data").get("checks").get("redis").asString()).isEqualTo("disconnected");
		assertThat(body.get("data").get("checks").get("services").get("message-service").asString()).isEqualTo("ready");
	}

	@Test
	void keepsServingWithoutRateLimitsWhenRedisIsDown() throws Exception {
		String token = TestTokens.bearer(UUID.randomUUID());
		for (int i = 0; i < 40; i++) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/messages"))
				.header("Authorization", token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
		}
	}
}
