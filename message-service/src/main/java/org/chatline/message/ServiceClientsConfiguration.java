package org.chatline.message;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Clients for the owners message-service asks on a projection miss: user-service and group-service. */
@Configuration(proxyBeanMethods = false)
class ServiceClientsConfiguration {

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder() {
		// Short timeouts: a slow owner must turn into a quick 503, not a hung send.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(3));
		return RestClient.builder().requestFactory(requests);
	}

	@Bean
	RestClient userServiceClient(RestClient.Builder loadBalancedRestClientBuilder,
			@Value("${chat.message.user-service-url}") String baseUrl) {
		return loadBalancedRestClientBuilder.clone().baseUrl(baseUrl).build();
	}

	@Bean
	RestClient groupServiceClient(RestClient.Builder loadBalancedRestClientBuilder,
			@Value("${chat.message.group-service-url}") String baseUrl) {
		return loadBalancedRestClientBuilder.clone().baseUrl(baseUrl).build();
	}
}
