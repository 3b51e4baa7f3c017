package org.chatline.message;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Clients for the owners message-service asks on a projection miss: user-service and group-service. */
@Configuration(proxyBeanMethods = false)
class ServiceClientsConfiguration {

	@Bean
	RestClient userServiceClient(@LoadBalanced RestClient.Builder loadBalanced,
			@Value("${chat.message.user-service-url}") String baseUrl) {
		return loadBalanced.clone().baseUrl(baseUrl).build();
	}

	@Bean
	RestClient groupServiceClient(@LoadBalanced RestClient.Builder loadBalanced,
			@Value("${chat.message.group-service-url}") String baseUrl) {
		return loadBalanced.clone().baseUrl(baseUrl).build();
	}
}
