package org.chatline.call;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Clients of the internal APIs of user-service and group-service, resolved through discovery. */
@Configuration(proxyBeanMethods = false)
class InternalClientsConfiguration {

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder() {
		// Short timeouts: a slow owner must turn into a quick 503, not a hung call set-up.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(3));
		return RestClient.builder().requestFactory(requests);
	}

	@Bean
	RestClient userServiceClient(RestClient.Builder loadBalancedRestClientBuilder, CallProperties properties) {
		return loadBalancedRestClientBuilder.clone().baseUrl(properties.userServiceUrl().toString()).build();
	}

	@Bean
	RestClient groupServiceClient(RestClient.Builder loadBalancedRestClientBuilder, CallProperties properties) {
		return loadBalancedRestClientBuilder.clone().baseUrl(properties.groupServiceUrl().toString()).build();
	}
}
