package org.chatline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.chatline.common.test.TestInfrastructure;
import org.chatline.common.test.TestSecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertySource;


/**
 * The gateway against real Redis (found by {@link TestInfrastructure}) and a real HTTP backend (discovery by static instances instead
 * of Eureka), with the contract's default rate limits. Every gateway integration test extends
 * this, so they share one Spring context; rate-limit counters are cleared before each test.
 * The response timeout is short ({@link #RESPONSE_TIMEOUT}) so a slow backend is given up on quickly,
 * and user-service's one instance is a closed port (a service that is down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "REDIS_HOST=${TEST_REDIS_HOST:127.0.0.1}",
				"REDIS_PORT=${TEST_REDIS_PORT:6379}", "chat.gateway.ready-services=message-service",
				"chat.gateway.rate-limits.trusted-proxies=127.0.0.1" })
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@Import(TestSecurityConfiguration.class)
abstract class GatewayIntegrationTest {

	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

	static final String KEY_PREFIX = "rl-test-" + UUID.randomUUID();

	@Autowired
	ReactiveStringRedisTemplate redis;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void backend(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.message-service[0].uri", BackendStub.INSTANCE::url);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", BackendStub.INSTANCE::url);
		registry.add("spring.cloud.discovery.client.simple.instances.attachment-service[0].uri", BackendStub.INSTANCE::url);
		registry.add("GATEWAY_UPLOAD_MAX_BODY_SIZE", () -> "3MB");
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", GatewayIntegrationTest::closedPortUrl);
		registry.add("chat.gateway.rate-limits.key-prefix", () -> KEY_PREFIX);
		registry.add("REALTIME_SOCKET_URL", ClosingBackendStub.INSTANCE::url);
		registry.add("GATEWAY_RESPONSE_TIMEOUT", () -> RESPONSE_TIMEOUT.toMillis() + "ms");
		registry.add("GATEWAY_MANAGEMENT_PORT", () -> "0");
	}

	/** An address nobody listens on: a port the system just handed out and took back. */
	private static String closedPortUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Reply(int status, JsonNode body, HttpResponse<String> raw) {
	}

	Reply send(HttpRequest.Builder builder) throws Exception {
		HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), parse(response), response);
	}

	/** The body as JSON, or null when there is none or it is not JSON (e.g. an Engine.IO packet). */
	private JsonNode parse(HttpResponse<String> response) {
		boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
		return response.body().isEmpty() || !isJson ? null : json.readTree(response.body());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	/** A request to the management port (the actuator), or to the public port while there is none. */
	HttpRequest.Builder managementRequest(String path) {
		int managementPort = environment.getProperty("local.management.port", Integer.class, port);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path));
	}

	@BeforeEach
	void clearRateLimitCounters() {
		redis.keys(KEY_PREFIX + ":*").flatMap(redis::delete).blockLast();
	}
}
