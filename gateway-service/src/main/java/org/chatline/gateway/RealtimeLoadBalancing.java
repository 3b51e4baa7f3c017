package org.chatline.gateway;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the gateway picks a realtime-service instance (a load-balancer client configuration, not a
 * component): the instances Eureka lists, minus those failing their readiness check (so a crashed
 * instance is left out within seconds, not after its lease expires), and the one named in the
 * request's sticky-session cookie when it is among them.
 */
class RealtimeLoadBalancing {

	@Bean
	ServiceInstanceListSupplier realtimeInstances(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			// A plain client: the application's WebClient.Builder is @LoadBalanced and would read
			// an instance's address as a service name.
			.withHealthChecks(WebClient.create())
			.withRequestBasedStickySession()
			.build(context);
	}
}
