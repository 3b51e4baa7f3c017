package org.chatline.realtime.calls;

import org.chatline.realtime.RealtimeProperties;
import org.chatline.realtime.forwarding.ServiceExchange;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class CallServiceClientConfiguration {

	@Bean
	CallServiceClient callServiceClient(@LoadBalanced RestClient.Builder loadBalancedRestClientBuilder,
			RealtimeProperties properties, JsonMapper json) {
		return new CallServiceClient(
				loadBalancedRestClientBuilder.clone().baseUrl(properties.callServiceUrl().toString()).build(),
				new ServiceExchange(json, "Call service"));
	}
}
