package org.chatline.auth;

import java.time.Duration;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * auth-service is ready only once its load balancer can resolve user-service: registered in
 * Eureka is not enough while auth-service's discovery cache has no instance, and a registration
 * in that window answers 503. Eureka is off in tests; the simple discovery client stands in for it.
 */
class ReadinessIT extends AuthServiceIntegrationTest {

	@Autowired
	SimpleDiscoveryProperties discovery;

	@Test
	void isNotReadyUntilUserServiceCanBeResolved() {
		assertThat(requiredServices()).as("no user-service instance known").isEqualTo("DOWN");
		assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(503);

		InstanceProperties instance = new InstanceProperties();
		instance.setServiceId("user-service");
		instance.setInstanceId("user-service-1");
		instance.setUri(URI.create(USER_SERVICE.url()));
		discovery.getInstances().put("user-service", List.of(instance));
		try {
			// Within the load balancer's cache time (5 s) of the empty answer.
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(requiredServices()).isEqualTo("UP"));
		}
		finally {
			discovery.getInstances().remove("user-service");
		}
	}

	private String requiredServices() {
		return http.get("/actuator/health/readiness", null).body().path("components").path("requiredServices")
			.path("status").asString();
	}
}
