package org.chatline.realtime.forwarding;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class LoadBalancedClientConfiguration {

	/**
	 * Clients of the owning services, by service id through discovery. Short timeouts: a slow
	 * service must turn into a quick error on the socket.
	 */
	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder() {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
		requests.setReadTimeout(Duration.ofSeconds(5));
		return RestClient.builder().requestFactory(requests);
	}
}
