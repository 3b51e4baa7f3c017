package org.chatline.auth.users;

import java.net.http.HttpClient;

import org.chatline.auth.AuthProperties;
import org.chatline.common.config.ServiceTokenInterceptor;
import org.chatline.common.security.ServiceTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client for user-service: through discovery ({@code http://user-service}) the shared pooled
 * client of every service (timeouts {@code chat.internal-clients.*}, service token attached); with
 * {@code chat.auth.user-service-load-balanced=false} a fixed URL (as in tests) with the
 * {@code user-service-*-timeout}s and the same service token.
 */
@Configuration(proxyBeanMethods = false)
class UserServiceClientConfiguration {

	@Bean
	UserServiceClient userServiceClient(AuthProperties properties,
			@LoadBalanced ObjectProvider<RestClient.Builder> loadBalanced, ObjectProvider<ServiceTokens> tokens) {
		RestClient.Builder builder;
		if (properties.userServiceLoadBalanced()) {
			builder = loadBalanced.getObject().clone();
		}
		else {
			JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(properties.userServiceConnectTimeout())
				.build());
			requestFactory.setReadTimeout(properties.userServiceReadTimeout());
			builder = RestClient.builder()
				.requestFactory(requestFactory)
				.requestInterceptor(new ServiceTokenInterceptor(tokens::getObject));
		}
		return new UserServiceClient(builder.baseUrl(properties.userServiceUrl().toString()).build());
	}
}
