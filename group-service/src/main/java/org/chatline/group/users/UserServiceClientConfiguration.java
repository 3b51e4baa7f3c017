package org.chatline.group.users;

import java.net.http.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UserServiceProperties.class)
class UserServiceClientConfiguration {

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(UserServiceProperties properties) {
		// Short timeouts: a slow user-service must turn into a quick 503, not a hung request.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		requests.setReadTimeout(properties.readTimeout());
		return RestClient.builder().requestFactory(requests);
	}

	@Bean
	RestClient userServiceClient(RestClient.Builder loadBalancedRestClientBuilder, UserServiceProperties properties) {
		return loadBalancedRestClientBuilder.baseUrl(properties.url()).build();
	}
}
