package org.chatline.call.calls;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the load-balanced clients of user-service and group-service at {@link DirectoryStub}.
 * Every integration test class imports it, so they all share one Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
class CallTestConfiguration {

	@Bean
	DynamicPropertyRegistrar directoryStubRegistrar() {
		return registry -> {
			registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", DirectoryStub.INSTANCE::url);
			registry.add("spring.cloud.discovery.client.simple.instances.group-service[0].uri", DirectoryStub.INSTANCE::url);
		};
	}
}
