package org.chatline.realtime.messaging;

import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.forwarding.ServiceExchange;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class MessageServiceClientConfiguration {

	@Bean
	MessageServiceClient messageServiceClient(@LoadBalanced RestClient.Builder loadBalancedRestClientBuilder,
			RealtimeProperties properties, JsonMapper json) {
		return new MessageServiceClient(
				loadBalancedRestClientBuilder.clone().baseUrl(properties.messageServiceUrl().toString()).build(),
				new ServiceExchange(json, "Message service"));
	}
}
