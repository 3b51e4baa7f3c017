package org.chatline.call;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Clients of the internal APIs of user-service and group-service, resolved through discovery. */
@Configuration(proxyBeanMethods = false)
class InternalClientsConfiguration {

	@Bean
	RestClient userServiceClient(@LoadBalanced RestClient.Builder loadBalanced, CallProperties properties) {
		return loadBalanced.clone().baseUrl(properties.userServiceUrl().toString()).build();
	}

	@Bean
	RestClient groupServiceClient(@LoadBalanced RestClient.Builder loadBalanced, CallProperties properties) {
		return loadBalanced.clone().baseUrl(properties.groupServiceUrl().toString()).build();
	}
}
