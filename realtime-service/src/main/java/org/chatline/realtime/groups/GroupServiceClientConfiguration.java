package org.chatline.realtime.groups;

import org.chatline.realtime.RealtimeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class GroupServiceClientConfiguration {

	@Bean
	GroupServiceClient groupServiceClient(RestClient.Builder loadBalancedRestClientBuilder,
			RealtimeProperties properties) {
		return new GroupServiceClient(
				loadBalancedRestClientBuilder.clone().baseUrl(properties.groupServiceUrl().toString()).build());
	}
}
