package org.chatline.realtime.groups;

import org.chatline.realtime.RealtimeProperties;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class GroupServiceClientConfiguration {

	@Bean
	GroupServiceClient groupServiceClient(@LoadBalanced RestClient.Builder loadBalancedRestClientBuilder,
			RealtimeProperties properties) {
		return new GroupServiceClient(
				loadBalancedRestClientBuilder.clone().baseUrl(properties.groupServiceUrl().toString()).build());
	}
}
