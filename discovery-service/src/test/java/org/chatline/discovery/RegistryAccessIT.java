package org.chatline.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only holders of the registry's credentials may register, read the registry or see the dashboard: a
 * rogue instance registering as AUTH-SERVICE would otherwise receive logins. Probes stay open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "EUREKA_USERNAME=registry", "EUREKA_PASSWORD=test-registry-password-0123456789",
				"eureka.server.wait-time-in-ms-when-sync-empty=0" })
class RegistryAccessIT {

	private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
		.encodeToString("registry:test-registry-password-0123456789".getBytes(StandardCharsets.UTF_8));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void refusesARegistrationWithoutCredentials() throws Exception {
		String app = "ROGUE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		assertThat(register(app, null)).isEqualTo(401);
		assertThat(register(app, "Basic " + Base64.getEncoder().encodeToString("registry:wrong".getBytes()))).isEqualTo(401);
		assertThat(get("/eureka/apps/" + app, CREDENTIALS).statusCode()).as("not registered").isEqualTo(404);
	}

	@Test
	void acceptsARegistrationWithCredentials() throws Exception {
		String app = "AUTH-SERVICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		assertThat(register(app, CREDENTIALS)).isEqualTo(204);
		HttpResponse<String> registered = get("/eureka/apps/" + app, CREDENTIALS);
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(registered.body()).contains(app);
	}

	@Test
	void keepsTheRegistryAndTheDashboardBehindTheLoginButNotTheProbes() throws Exception {
		assertThat(get("/eureka/apps", null).statusCode()).isEqualTo(401);
		assertThat(get("/", null).statusCode()).isEqualTo(401);
		assertThat(get("/eureka/apps", CREDENTIALS).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	private int register(String app, String authorization) throws Exception {
		String instance = """
				{"instance":{"instanceId":"%1$s:1","hostName":"127.0.0.1","app":"%1$s","ipAddr":"127.0.0.1",
				"status":"UP","port":{"$":8081,"@enabled":"true"},"vipAddress":"%1$s",
				"dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}}"""
			.formatted(app);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/eureka/apps/" + app))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(instance));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
