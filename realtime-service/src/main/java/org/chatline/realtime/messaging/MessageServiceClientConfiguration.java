package org.chatline.realtime.messaging;

import java.net.http.HttpClient;
import java.time.Duration;

import org.chatline.realtime.RealtimeProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class MessageServiceClientConfiguration {

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder() {
		// Short timeouts: a slow message-service must turn into a quick error on the socket.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(5));
		return RestClient.builder().requestFactory(requests);
	}

	@Bean
	MessageServiceClient messageServiceClient(RestClient.Builder loadBalancedRestClientBuilder,
			RealtimeProperties properties, JsonMapper json) {
		return new MessageServiceClient(
				loadBalancedRestClientBuilder.clone().baseUrl(properties.messageServiceUrl().toString()).build(), json);
	}
}
