package org.chatline.auth.users;

import java.net.http.HttpClient;

import org.chatline.auth.AuthProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for user-service: resolved through discovery ({@code http://user-service}) unless
 * {@code chat.auth.user-service-load-balanced=false} (a fixed URL, as in tests), with short
 * timeouts so that a missing user-service turns into a quick 503.
 */
@Configuration(proxyBeanMethods = false)
class UserServiceClientConfiguration {

	@Bean
	UserServiceClient userServiceClient(AuthProperties properties,
			@LoadBalanced ObjectProvider<RestClient.Builder> loadBalanced) {
		HttpClient jdk = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.userServiceConnectTimeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(jdk);
		requestFactory.setReadTimeout(properties.userServiceReadTimeout());
		RestClient.Builder builder = properties.userServiceLoadBalanced() ? loadBalanced.getObject().clone()
				: RestClient.builder();
		return new UserServiceClient(
				builder.requestFactory(requestFactory).baseUrl(properties.userServiceUrl().toString()).build());
	}
}
