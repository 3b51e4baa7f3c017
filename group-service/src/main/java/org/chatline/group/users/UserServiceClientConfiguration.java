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
	RestClient userServiceClient(@LoadBalanced RestClient.Builder loadBalanced, UserServiceProperties properties) {
		// Short timeouts: a slow user-service must turn into a quick 503, not a hung request.
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build());
		requests.setReadTimeout(properties.readTimeout());
		return loadBalanced.clone().requestFactory(requests).baseUrl(properties.url()).build();
	}
}
